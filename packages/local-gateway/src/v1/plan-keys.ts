import type { OpContext } from "../context";
import { badRequest, conflict, notFound, type Reply } from "../http";
import type { RouteDef } from "../routes";
import type { ApiKey, GatewayState, UsagePlan } from "../state/types";
import { findApiKey } from "./api-key-lookup";
import { body, listBody, optString } from "./common";

export function findPlan(ctx: OpContext, id = ctx.params.usageplan_id ?? ""): UsagePlan {
  const plan = ctx.gw.state.usagePlans[id];
  if (!plan) throw notFound("Invalid Usage Plan ID specified");
  return plan;
}

export const renderPlanKey = (k: ApiKey) => ({ id: k.id, type: "API_KEY", value: k.value, name: k.name });

/**
 * A key may be in several plans but only one plan per API stage (the data plane relies on it). Returns the
 * conflict message, or undefined when `key` may join `plan`.
 */
export function planKeyConflict(state: GatewayState, plan: UsagePlan, keyId: string): string | undefined {
  for (const [otherId, ids] of Object.entries(state.planKeys)) {
    if (otherId === plan.id || !ids.includes(keyId)) continue;
    const other = state.usagePlans[otherId];
    const shared = other?.apiStages.find((s) =>
      plan.apiStages.some((p) => p.apiId === s.apiId && p.stage === s.stage),
    );
    if (shared) {
      return `Usage Plan ${plan.id} cannot be added because API Key ${keyId} cannot reference multiple Usage Plans with the same API Stage: ${shared.apiId}:${shared.stage}`;
    }
  }
  return undefined;
}

/** Adds `keyId` to `plan` (idempotent); throws 409 on the one-plan-per-API-stage rule. */
export function addKeyToPlan(state: GatewayState, plan: UsagePlan, keyId: string): void {
  const ids = (state.planKeys[plan.id] ??= []);
  if (ids.includes(keyId)) return;
  const problem = planKeyConflict(state, plan, keyId);
  if (problem) throw conflict(problem);
  ids.push(keyId);
}

function createUsagePlanKey(ctx: OpContext): Reply {
  const plan = findPlan(ctx);
  const b = body(ctx);
  const keyType = optString(b, "keyType");
  if (keyType !== "API_KEY") throw badRequest("Invalid keyType specified: must be API_KEY");
  const key = findApiKey(ctx, optString(b, "keyId") ?? "");
  if (ctx.gw.state.planKeys[plan.id]?.includes(key.id)) throw conflict("Usage Plan Key already exists");
  addKeyToPlan(ctx.gw.state, plan, key.id);
  ctx.gw.changed();
  return { status: 201, body: renderPlanKey(key) };
}

function planKeys(ctx: OpContext, plan: UsagePlan): ApiKey[] {
  return (ctx.gw.state.planKeys[plan.id] ?? []).flatMap((id) => {
    const k = ctx.gw.state.apiKeys[id];
    return k ? [k] : [];
  });
}

function getUsagePlanKeys(ctx: OpContext): Reply {
  // AWS-recorded: an unknown plan id lists no keys (200) rather than 404.
  const plan = ctx.gw.state.usagePlans[ctx.params.usageplan_id ?? ""];
  if (!plan) return { status: 200, body: { item: [] } };
  const name = ctx.query.get("name");
  const keys = planKeys(ctx, plan).filter((k) => !name || k.name.startsWith(name));
  return { status: 200, body: listBody(ctx, keys.map(renderPlanKey)) };
}

function findPlanKey(ctx: OpContext): { plan: UsagePlan; key: ApiKey } {
  const plan = findPlan(ctx);
  const key = planKeys(ctx, plan).find((k) => k.id === ctx.params.key_id);
  if (!key) throw notFound("Invalid API Key identifier specified");
  return { plan, key };
}

function getUsagePlanKey(ctx: OpContext): Reply {
  return { status: 200, body: renderPlanKey(findPlanKey(ctx).key) };
}

function deleteUsagePlanKey(ctx: OpContext): Reply {
  const { plan, key } = findPlanKey(ctx);
  ctx.gw.state.planKeys[plan.id] = (ctx.gw.state.planKeys[plan.id] ?? []).filter((id) => id !== key.id);
  ctx.gw.changed();
  return { status: 202 };
}

export const planKeyRoutes: RouteDef[] = [
  ["POST", "/usageplans/{usageplan_id}/keys", "CreateUsagePlanKey", createUsagePlanKey],
  ["GET", "/usageplans/{usageplan_id}/keys", "GetUsagePlanKeys", getUsagePlanKeys],
  ["GET", "/usageplans/{usageplan_id}/keys/{key_id}", "GetUsagePlanKey", getUsagePlanKey],
  ["DELETE", "/usageplans/{usageplan_id}/keys/{key_id}", "DeleteUsagePlanKey", deleteUsagePlanKey],
];
