import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { now } from "@/lib/clock";
import { alertPlanRequestDecided } from "@/lib/alerts/commands";
import { setOptIn } from "@/lib/db/alerts";
import {
  getPlanRequest,
  insertPlanRequest,
  moveRequest,
  planRequestDeciders,
  type PlanRequestRow,
} from "@/lib/db/plan-requests";
import { activePlanIds, planSnapshots } from "@/lib/db/subscriptions";
import { env } from "@/lib/env";
import { conflict, forbidden, invalid } from "@/lib/errors";
import { log } from "@/lib/log";
import { sendMail } from "@/lib/mail/send";
import { changePlan, subscribe } from "@/lib/plans/commands";

/**
 * A partner asks to move its tenant to another usage plan. The tenant comes from the session; the plan it leaves is
 * its current one (it must name it when it has several). One open request per tenant (a unique key, not a check).
 * Operators and admins are told by mail. Who may call: partners (`plans.request`).
 */
export async function requestPlanChange(
  actor: Actor,
  input: { toPlanId: string; fromPlanId: string | null; message: string; notifyMe?: boolean },
): Promise<PlanRequestRow> {
  assertCan(actor, "plans.request");
  if (actor.kind !== "partner") throw forbidden();
  const [current, [target]] = await Promise.all([
    activePlanIds(actor.tenantId),
    planSnapshots([input.toPlanId]),
  ]);
  if (!target) throw invalid("Pick a plan from the list.", "toPlanId");
  if (current.includes(target.id)) throw invalid("Your organisation is already on this plan.", "toPlanId");
  let fromPlanId: string | null = null;
  if (current.length === 1) fromPlanId = current[0]!;
  else if (current.length > 1) {
    if (!input.fromPlanId || !current.includes(input.fromPlanId))
      throw invalid("Pick which of your current plans the new one replaces.", "fromPlanId");
    fromPlanId = input.fromPlanId;
  }
  const row = await insertPlanRequest({
    tenantId: actor.tenantId,
    requestedById: actor.id,
    fromPlanId,
    toPlanId: target.id,
    message: input.message,
  });
  // "E-mail me when it is decided" turns the requester's plan-request alert on (their explicit opt-in).
  if (input.notifyMe) await setOptIn(actor.id, "plan-request", true);
  const link = `${env.APP_URL}/ops/plan-requests`;
  for (const d of await planRequestDeciders())
    await sendMail({
      to: d.email,
      subject: `Plan request from ${actor.tenantName}`,
      text: `${actor.name} (${actor.tenantName}) asks to move to the usage plan "${target.name}".\n\nTheir message:\n${input.message}\n\nApprove or decline it here:\n${link}\n`,
    }).catch((err: unknown) => log.error({ err, requestId: row.id }, "plan request mail failed"));
  return row;
}

/** The partner takes its own open request back (before an operator decided). Who may call: `plans.request`. */
export async function withdrawPlanRequest(actor: Actor, id: string): Promise<void> {
  assertCan(actor, "plans.request");
  const r = await getPlanRequest(actor, id);
  if (!(await moveRequest(r.id, ["PENDING"], "WITHDRAWN", { decidedAt: now() })))
    throw conflict("This request was already decided or withdrawn.");
}

/** The decision goes to the tenant's users who turned on the "plan request decided" alert (once per decision). */
async function tellTenant(
  r: PlanRequestRow,
  decision: "APPROVED" | "DECLINED",
  subject: string,
  text: string,
) {
  await alertPlanRequestDecided(r.tenantId, r.id, decision, { subject, text }).catch((err: unknown) =>
    log.error({ err, requestId: r.id }, "plan request decision alert failed"),
  );
}

/**
 * Approves a pending request: claims it (PENDING → APPROVING, compare-and-set, so a second approval or a withdrawal
 * at the same moment loses), runs the existing plan change (keys join the new plan before leaving the old one where
 * AWS allows), then marks it APPROVED. When the change fails the claim is undone and the error shown.
 * Who may call: operators and admins (`plans.manage`).
 */
export async function approvePlanRequest(actor: Actor, id: string): Promise<PlanRequestRow> {
  assertCan(actor, "plans.manage");
  const r = await getPlanRequest(actor, id);
  if (!(await moveRequest(r.id, ["PENDING"], "APPROVING")))
    throw conflict("This request was already decided or withdrawn.");
  try {
    const current = await activePlanIds(r.tenantId);
    if (r.fromPlanId && current.includes(r.fromPlanId))
      await changePlan(actor, r.tenantId, r.fromPlanId, r.toPlanId);
    else if (!current.includes(r.toPlanId)) {
      if (r.fromPlanId || current.length > 1)
        throw conflict(
          "The tenant's plans changed since the request was made. Decline it and ask the partner to send a new one.",
        );
      if (current.length === 1) await changePlan(actor, r.tenantId, current[0]!, r.toPlanId);
      else await subscribe(actor, r.tenantId, r.toPlanId);
    }
  } catch (e) {
    await moveRequest(r.id, ["APPROVING"], "PENDING");
    throw e;
  }
  await moveRequest(r.id, ["APPROVING"], "APPROVED", { decidedById: actor.id, decidedAt: now() });
  const [plan] = await planSnapshots([r.toPlanId]);
  await tellTenant(
    r,
    "APPROVED",
    "Your plan request was approved",
    `Your request to move to the usage plan "${plan?.name ?? r.toPlanId}" was approved. Your API keys are on the new plan now.\n\n${env.APP_URL}/partner/plan\n`,
  );
  return { ...r, status: "APPROVED" };
}

/** Declines a pending request with a reason the partner reads. Who may call: operators and admins (`plans.manage`). */
export async function declinePlanRequest(actor: Actor, id: string, reason: string): Promise<PlanRequestRow> {
  assertCan(actor, "plans.manage");
  const r = await getPlanRequest(actor, id);
  if (
    !(await moveRequest(r.id, ["PENDING"], "DECLINED", { decidedById: actor.id, decidedAt: now(), reason }))
  )
    throw conflict("This request was already decided or withdrawn.");
  const [plan] = await planSnapshots([r.toPlanId]);
  await tellTenant(
    r,
    "DECLINED",
    "Your plan request was declined",
    `Your request to move to the usage plan "${plan?.name ?? r.toPlanId}" was declined.\n\nReason:\n${reason}\n\n${env.APP_URL}/partner/plan\n`,
  );
  return { ...r, status: "DECLINED", reason };
}
