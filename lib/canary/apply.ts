import "server-only";
import { randomUUID } from "node:crypto";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { getRestStage, patchRestStage } from "@/lib/aws/stages";
import { recordRestStageWrite } from "@/lib/inventory/record";
import { recordAudit } from "@/lib/db/audit";
import {
  casUpdate,
  completePending,
  currentPercent,
  rolloutRow,
  type DecisionInput,
  type PendingAction,
  type RolloutRow,
} from "@/lib/db/rollouts";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import {
  abandonCanaryPatch,
  canaryPercentPatch,
  promoteCanaryPatches,
  startCanaryPatch,
  type PatchOp,
} from "@/lib/stages/patch";
import type { RestStageDto } from "@/lib/stages/types";
import type { RolloutPlan } from "./analysis";
import { notifyWebhook } from "./webhook";
import { definedOnly } from "@/lib/utils/defined-only";

/**
 * How a rollout changes its stage, shared by the engine (lib/canary/engine.ts) and operators' commands
 * (lib/canary/commands.ts).
 *
 * Crash safety: a change is written as the rollout's `pendingAction` (with its decision) BEFORE it is sent to API
 * Gateway, and cleared with the new state in one transaction AFTER. A process that dies in between leaves the
 * pending action; the next run (on any replica) compares it with the stage and sends only what is missing, so no
 * step is applied twice. Every write is compare-and-set on `version`, so the engine on two replicas, or the engine
 * and an operator, cannot both make one transition.
 *
 * Time is the real clock (not lib/clock.ts's test offset): hold times and metric windows are CloudWatch's time.
 */

/** Who the engine's decisions are by. */
export const SYSTEM = "system";

export const nowDate = () => new Date();

export function stepPercent(plan: RolloutPlan, i: number): number {
  return plan.steps[i]?.percent ?? 0;
}

/** The UpdateStage calls that bring `stage` to what `p` wants; [] when it is already there (a resumed crash). */
export function callsFor(r: RolloutRow, p: PendingAction, stage: RestStageDto): PatchOp[][] | string {
  const ours = stage.canary?.deploymentId === r.canaryDeploymentId;
  switch (p.kind) {
    case "start":
      if (stage.canary && !ours) return `the stage's canary now runs deployment ${stage.canary.deploymentId}`;
      if (ours && stage.canary!.percentTraffic === p.percent) return [];
      return [
        ours
          ? canaryPercentPatch(p.percent)
          : startCanaryPatch({
              deploymentId: r.canaryDeploymentId,
              percentTraffic: p.percent,
              stageVariableOverrides: r.overrides,
              useStageCache: false,
            }),
      ];
    case "advance":
      if (!ours) return "the canary was removed or replaced outside this rollout";
      return stage.canary!.percentTraffic === p.percent ? [] : [canaryPercentPatch(p.percent)];
    case "promote": {
      const [copy, remove] = promoteCanaryPatches();
      if (stage.deploymentId === r.canaryDeploymentId) return stage.canary ? [remove] : [];
      if (!ours) return "the canary was removed or replaced outside this rollout";
      return [copy, remove];
    }
    case "rollback":
      if (!stage.canary) return [];
      if (!ours) return "the canary was replaced outside this rollout";
      return [abandonCanaryPatch()];
  }
}

/** The rollout's state once `p` is applied. */
function stateAfter(r: RolloutRow, p: PendingAction, at: Date) {
  const next = new Date(at.getTime() + r.evaluationSeconds * 1000);
  switch (p.kind) {
    case "start":
      return { stepIndex: 0, stepStartedAt: at, nextEvaluationAt: next };
    case "advance":
      return { stepIndex: p.toStep, stepStartedAt: at, nextEvaluationAt: next };
    case "promote":
      return { status: "promoted", activeKey: null, finishedAt: at, nextEvaluationAt: at };
    case "rollback":
      return { status: "rolled_back", activeKey: null, finishedAt: at, nextEvaluationAt: at };
  }
}

/**
 * Sends what the rollout's pending action still needs (one GetStage + the missing UpdateStage calls) and records
 * the result. A stage changed outside the rollout fails the rollout without touching the stage.
 */
export async function performPending(r: RolloutRow): Promise<RolloutRow> {
  const p = r.pendingAction;
  if (!p) return r;
  const stage = await getRestStage(r.restApiId, r.stageName);
  const calls = callsFor(r, p, stage);
  if (typeof calls === "string") return failRollout(r, `the stage changed outside Tollgate: ${calls}.`);
  let after = stage;
  for (const ops of calls) after = await patchRestStage(r.restApiId, r.stageName, ops);
  // The inventory learns the engine's own change now, so the sync does not report it as made outside Tollgate.
  if (calls.length > 0) await recordRestStageWrite("canary rollout (Tollgate)", after, r.apiName);
  const at = nowDate();
  const done = await completePending(r, p.decisionId, calls, stateAfter(r, p, at));
  if (!done) return rolloutRow(r.id); // another process completed it
  await announce(done, p.kind === "start" ? "start" : p.kind, calls, p);
  return done;
}

export async function announce(r: RolloutRow, event: string, calls: PatchOp[][], p?: PendingAction) {
  const summary = {
    api: r.apiName,
    stage: r.stageName,
    step: r.stepIndex,
    percent: currentPercent(r),
    canaryDeploymentId: r.canaryDeploymentId,
    ...definedOnly({ reason: p && "reason" in p ? p.reason : undefined }),
    patch: calls,
  };
  await recordAudit({
    actor: SYSTEM_ACTOR,
    action: `rollout.${event}`,
    targetType: "rollout",
    targetId: r.id,
    summary,
    outcome: event === "failed" ? "failure" : "success",
    requestId: randomUUID(),
  }).catch((e: unknown) => log.error({ err: e }, "rollout audit failed"));
  if (r.webhookUrl)
    notifyWebhook(r.webhookUrl, {
      event: `rollout.${event}`,
      rolloutId: r.id,
      restApiId: r.restApiId,
      status: r.status,
      at: new Date().toISOString(),
      ...summary,
    });
}

export async function failRollout(r: RolloutRow, reason: string): Promise<RolloutRow> {
  const at = nowDate();
  const current = await rolloutRow(r.id);
  const done = await casUpdate(
    current,
    {
      status: "failed",
      activeKey: null,
      finishedAt: at,
      pendingAction: null,
      lastError: reason,
    },
    {
      action: "fail",
      reason,
      stepIndex: current.stepIndex,
      percent: currentPercent(current),
      actorEmail: SYSTEM,
      failedChecks: current.failedChecks,
    },
    at,
  );
  if (done) await announce(done, "failed", []);
  return done ?? rolloutRow(r.id);
}

/**
 * Writes the intent (pending action + its decision) and applies it. Returns null when another process changed
 * the rollout first (nothing was sent).
 */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type PendingIntent = DistributiveOmit<PendingAction, "decisionId">;

export async function transition(
  r: RolloutRow,
  p: PendingIntent,
  decision: Omit<DecisionInput, "id" | "applied">,
): Promise<RolloutRow | null> {
  const id = randomUUID();
  const pending = { ...p, decisionId: id } as PendingAction;
  const at = nowDate();
  const begun = await casUpdate(
    r,
    { pendingAction: pending, failedChecks: decision.failedChecks },
    { ...decision, id, applied: "pending" },
    at,
  );
  if (!begun) return null;
  try {
    return await performPending(begun);
  } catch (e) {
    // Left pending: a later run resumes it (after PENDING_STALE_MS). Say why on the rollout.
    const msg = e instanceof AppError ? e.message : "API Gateway could not be changed.";
    await casUpdate(begun, { lastError: `${msg} Tollgate will retry.` }, null, nowDate()).catch(
      () => undefined,
    );
    throw e;
  }
}
