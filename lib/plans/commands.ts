import "server-only";
import { log } from "@/lib/log";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { attachKeyToPlan, detachKeyFromPlan } from "@/lib/aws/api-keys";
import {
  countPlanKeys,
  createAwsPlan,
  deleteAwsPlan,
  listAwsPlans,
  updateAwsPlan,
  type PlanDto,
  type PlanInput,
} from "@/lib/aws/usage-plans";
import { recordPlanDeleted, recordPlanKeys, recordPlanWrite } from "@/lib/inventory/record";
import { now } from "@/lib/clock";
import { liveKeysOfTenant } from "@/lib/db/api-keys";
import {
  activePlanIds,
  addSubscription,
  endSubscription,
  markPlanDeleted,
  planSnapshots,
  savePlanSnapshots,
} from "@/lib/db/subscriptions";
import { getTenant } from "@/lib/db/tenants";
import { conflict, invalid, notFound } from "@/lib/errors";

export async function createPlan(actor: Actor, input: PlanInput): Promise<PlanDto> {
  assertCan(actor, "plans.manage");
  const plan = await createAwsPlan(input);
  await savePlanSnapshots([plan], { complete: false });
  await recordPlanWrite(actor.email, plan, 0);
  return plan;
}

/** Edits name, description, limits and stages with the smallest set of patch operations AWS accepts. */
export async function updatePlan(actor: Actor, id: string, input: PlanInput): Promise<PlanDto> {
  assertCan(actor, "plans.manage");
  const before = (await listAwsPlans()).find((p) => p.id === id);
  if (!before) throw notFound("Usage plan");
  const ops: { op: "replace" | "add" | "remove"; path: string; value?: string }[] = [
    { op: "replace", path: "/name", value: input.name },
    { op: "replace", path: "/description", value: input.description ?? "" },
    { op: "replace", path: "/throttle/rateLimit", value: String(input.rateLimit) },
    { op: "replace", path: "/throttle/burstLimit", value: String(input.burstLimit) },
  ];
  if (input.quotaLimit) {
    ops.push({ op: "replace", path: "/quota/limit", value: String(input.quotaLimit) });
    ops.push({ op: "replace", path: "/quota/period", value: input.quotaPeriod });
  } else if (before.quota) ops.push({ op: "remove", path: "/quota" });
  const key = (s: { apiId: string; stage: string }) => `${s.apiId}:${s.stage}`;
  const wanted = new Set(input.apiStages.map(key));
  for (const s of before.apiStages)
    if (!wanted.has(key(s))) ops.push({ op: "remove", path: "/apiStages", value: key(s) });
  const had = new Set(before.apiStages.map(key));
  for (const s of input.apiStages)
    if (!had.has(key(s))) ops.push({ op: "add", path: "/apiStages", value: key(s) });
  const plan = await updateAwsPlan(id, ops);
  await savePlanSnapshots([plan], { complete: false });
  await recordPlanWrite(actor.email, plan);
  return plan;
}

/** Refused while stages or keys are attached: AWS would refuse too, and deleting would cut partners off. */
export async function deletePlan(actor: Actor, id: string): Promise<void> {
  assertCan(actor, "plans.manage");
  const plan = (await listAwsPlans()).find((p) => p.id === id);
  if (!plan) throw notFound("Usage plan");
  const keys = await countPlanKeys(id);
  if (plan.apiStages.length > 0 || keys > 0)
    throw conflict(
      `This plan still has ${plan.apiStages.length} API stage(s) and ${keys} key(s) attached. Unsubscribe its tenants and remove its stages first.`,
    );
  await deleteAwsPlan(id);
  await markPlanDeleted(id);
  await recordPlanDeleted(actor.email, plan);
}

async function assertNoStageClash(tenantId: string, planId: string, except: string[] = []) {
  const [target] = await planSnapshots([planId]);
  if (!target) throw notFound("Usage plan");
  const others = (await planSnapshots(await activePlanIds(tenantId))).filter(
    (p) => !except.includes(p.id) && p.id !== planId,
  );
  for (const o of others)
    for (const s of o.apiStages)
      if (target.apiStages.some((t) => t.apiId === s.apiId && t.stage === s.stage))
        throw conflict(
          `The tenant is already on plan "${o.name}", which covers API stage ${s.apiId}/${s.stage} too. AWS allows a key only one plan per API stage: change the plan instead.`,
          "usagePlanId",
        );
}

/** Attaches every live key of the tenant to the plan; on failure detaches what it attached (no half state). */
async function attachAll(tenantId: string, planId: string): Promise<void> {
  const done: string[] = [];
  try {
    for (const k of await liveKeysOfTenant(tenantId)) {
      await attachKeyToPlan(planId, k.id).catch((e: unknown) => {
        if (
          (e as { code?: string }).code === "conflict" &&
          /already exists/i.test(String((e as Error).message))
        )
          return;
        throw e;
      });
      done.push(k.id);
    }
  } catch (e) {
    // Undo what was attached; a failed undo is logged (the key stays attached in AWS until the next change).
    for (const id of done)
      await detachKeyFromPlan(planId, id).catch((err: unknown) =>
        log.error({ err, usagePlanId: planId, apiKeyId: id }, "detaching a key after a failed attach failed"),
      );
    throw e;
  }
}

export async function subscribe(actor: Actor, tenantId: string, planId: string): Promise<void> {
  assertCan(actor, "plans.manage");
  const tenant = await getTenant(actor, tenantId);
  if ((await activePlanIds(tenant.id)).includes(planId))
    throw conflict("The tenant is already on this plan.", "usagePlanId");
  await assertNoStageClash(tenant.id, planId);
  await attachAll(tenant.id, planId);
  await addSubscription(tenant.id, planId, now());
  await recordPlanKeys(planId);
}

export async function unsubscribe(actor: Actor, tenantId: string, planId: string): Promise<void> {
  assertCan(actor, "plans.manage");
  const tenant = await getTenant(actor, tenantId);
  if (!(await activePlanIds(tenant.id)).includes(planId)) throw invalid("The tenant is not on this plan.");
  for (const k of await liveKeysOfTenant(tenant.id)) await detachKeyFromPlan(planId, k.id);
  await endSubscription(tenant.id, planId, now());
  await recordPlanKeys(planId);
}

/**
 * Moves a tenant from one plan to another. Keys join the new plan before leaving the old one so traffic sees no
 * gap; when both plans cover the same API stage AWS refuses a key in both, so then each key leaves and re-joins
 * back to back (the shortest gap AWS allows).
 */
export async function changePlan(
  actor: Actor,
  tenantId: string,
  fromPlanId: string,
  toPlanId: string,
): Promise<void> {
  assertCan(actor, "plans.manage");
  const tenant = await getTenant(actor, tenantId);
  if (!(await activePlanIds(tenant.id)).includes(fromPlanId))
    throw invalid("The tenant is not on the plan it would leave.");
  if (fromPlanId === toPlanId) throw invalid("Pick a different plan.", "toPlanId");
  await assertNoStageClash(tenant.id, toPlanId, [fromPlanId]);
  const [from, to] = [(await planSnapshots([fromPlanId]))[0], (await planSnapshots([toPlanId]))[0]];
  if (!to) throw notFound("Usage plan");
  const overlap = from?.apiStages.some((s) =>
    to.apiStages.some((t) => t.apiId === s.apiId && t.stage === s.stage),
  );
  const keys = await liveKeysOfTenant(tenant.id);
  if (!overlap) {
    await attachAll(tenant.id, toPlanId);
    for (const k of keys) await detachKeyFromPlan(fromPlanId, k.id);
  } else {
    for (const k of keys) {
      await detachKeyFromPlan(fromPlanId, k.id);
      await attachKeyToPlan(toPlanId, k.id);
    }
  }
  const at = now();
  await endSubscription(tenant.id, fromPlanId, at);
  await addSubscription(tenant.id, toPlanId, at);
}
