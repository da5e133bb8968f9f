import "server-only";
import { randomUUID } from "node:crypto";
import { SYSTEM_ACTOR, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { createDeployment, listDeployments } from "@/lib/aws/deployments";
import { getMetricData } from "@/lib/aws/metrics";
import { getRestApi } from "@/lib/aws/rest-apis";
import { getRestStage, patchRestStage } from "@/lib/aws/stages";
import { recordAudit } from "@/lib/db/audit";
import {
  activeKeyOf,
  activeRolloutFor,
  casUpdate,
  completePending,
  createRolloutRow,
  currentPercent,
  dueRollouts,
  pendingOf,
  planOf,
  rolloutDto,
  rolloutRow,
  type DecisionInput,
  type PendingAction,
  type RolloutRow,
} from "@/lib/db/rollouts";
import { AppError, conflict, invalid } from "@/lib/errors";
import { log } from "@/lib/log";
import type { StartRolloutInput, RolloutCommand } from "@/lib/schemas/rollouts";
import {
  abandonCanaryPatch,
  canaryPercentPatch,
  promoteCanaryPatches,
  startCanaryPatch,
  type PatchOp,
} from "@/lib/stages/patch";
import type { RestStageDto } from "@/lib/stages/types";
import { decide, type Decision, type RolloutPlan } from "./analysis";
import { metricWindow, observation, rolloutQueries } from "./observe";
import type { RolloutDto } from "./types";
import { notifyWebhook } from "./webhook";

/**
 * The rollout engine. Each run (a lease-protected job, lib/jobs/scheduler.ts) evaluates the due rollouts: ONE
 * GetMetricData call for the canary and base arms, `decide` (lib/canary/analysis.ts), and for a step change ONE
 * GetStage (to check the canary is still ours and not already changed) plus the UpdateStage calls.
 *
 * Crash safety: a change is written as the rollout's `pendingAction` (with its decision) BEFORE it is sent to API
 * Gateway, and cleared with the new state in one transaction AFTER. A process that dies in between leaves the
 * pending action; the next run (on any replica) compares it with the stage and sends only what is missing, so no
 * step is applied twice. Every write is compare-and-set on `version`, so the engine on two replicas, or the engine
 * and an operator, cannot both make one transition.
 *
 * Time is the real clock (not lib/clock.ts's test offset): hold times and metric windows are CloudWatch's time.
 */

/** A pending action younger than this may still be in flight in another process; older ones are resumed. */
export const PENDING_STALE_MS = 20_000;
const SYSTEM = "system";

const nowDate = () => new Date();

function stepPercent(plan: RolloutPlan, i: number): number {
  return plan.steps[i]?.percent ?? 0;
}

// ---------------------------------------------------------------- starting

/**
 * Starts a rollout: a new or existing deployment becomes the stage's canary at the first step's percentage.
 * The stage must have no canary of another deployment and no other active rollout.
 */
export async function startRollout(actor: Actor, input: StartRolloutInput): Promise<RolloutDto> {
  assertCan(actor, "gateway.manage");
  if (await activeRolloutFor(input.restApiId, input.stageName))
    throw conflict("This stage already has a rollout in progress: finish, abort or promote it first.");
  const [api, stage] = await Promise.all([
    getRestApi(input.restApiId),
    getRestStage(input.restApiId, input.stageName),
  ]);
  let canaryDeploymentId: string;
  if (input.deployment.kind === "existing") {
    const id = input.deployment.deploymentId;
    if (id === stage.deploymentId)
      throw invalid(
        "That deployment already serves the whole stage: pick a different one to roll out.",
        "deploymentId",
      );
    if (!(await listDeployments(input.restApiId)).some((d) => d.id === id))
      throw invalid("That deployment does not exist in this API.", "deploymentId");
    canaryDeploymentId = id;
  } else {
    canaryDeploymentId = "";
  }
  if (stage.canary && stage.canary.deploymentId !== canaryDeploymentId)
    throw conflict(
      `This stage already runs a canary on deployment ${stage.canary.deploymentId}. Promote or abandon it first, or start the rollout on that deployment.`,
    );
  if (input.deployment.kind === "new") {
    // A deployment of the API's current state, not attached to any stage yet; the rollout makes it the canary.
    const d = await createDeployment({
      restApiId: input.restApiId,
      description: input.deployment.description || `Rollout to ${input.stageName}`,
    });
    canaryDeploymentId = d.id;
  }

  const plan: RolloutPlan = {
    steps: input.steps,
    gates: {
      max5xxRate: input.gates.max5xxPercent / 100,
      max5xxRateIncrease: input.gates.max5xxIncreasePoints / 100,
      maxP99Ms: input.gates.maxP99Ms,
      maxP99Ratio: input.gates.maxP99Ratio,
      minRequests: input.gates.minRequests,
    },
    failureThreshold: input.failureThreshold,
    manualApproval: input.manualApproval,
  };
  const at = nowDate();
  const decisionId = randomUUID();
  const percent = stepPercent(plan, 0);
  let row: RolloutRow;
  try {
    row = await createRolloutRow({
      restApiId: input.restApiId,
      apiName: api.name,
      stageName: input.stageName,
      activeKey: activeKeyOf(input.restApiId, input.stageName),
      baseDeploymentId: stage.deploymentId,
      canaryDeploymentId,
      overrides: JSON.stringify(input.overrides),
      plan: JSON.stringify(plan),
      evaluationSeconds: input.evaluationSeconds,
      webhookUrl: input.webhookUrl || null,
      status: "running",
      stepStartedAt: at,
      nextEvaluationAt: new Date(at.getTime() + input.evaluationSeconds * 1000),
      pendingAction: JSON.stringify({ kind: "start", percent, decisionId } satisfies PendingAction),
      createdById: actor.id,
      createdByEmail: actor.email,
      decisions: {
        create: {
          id: decisionId,
          at,
          stepIndex: 0,
          percent,
          action: "start",
          reason: "operator",
          actorEmail: actor.email,
          failedChecks: 0,
          applied: "pending",
        },
      },
    });
  } catch (e) {
    if ((e as { code?: string }).code === "P2002")
      throw conflict("This stage already has a rollout in progress: finish, abort or promote it first.");
    throw e;
  }
  try {
    row = await performPending(row);
  } catch (e) {
    // Nothing may be left half-started: record why, free the stage and tell the operator.
    await failRollout(row, `starting failed: ${(e as Error).message}`).catch(() => undefined);
    throw e;
  }
  return rolloutDto(row);
}

// ---------------------------------------------------------------- applying changes

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
              stageVariableOverrides: JSON.parse(r.overrides) as Record<string, string>,
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
async function performPending(r: RolloutRow): Promise<RolloutRow> {
  const p = pendingOf(r);
  if (!p) return r;
  const stage = await getRestStage(r.restApiId, r.stageName);
  const calls = callsFor(r, p, stage);
  if (typeof calls === "string") return failRollout(r, `the stage changed outside Tollgate: ${calls}.`);
  for (const ops of calls) await patchRestStage(r.restApiId, r.stageName, ops);
  const at = nowDate();
  const done = await completePending(r, p.decisionId, calls, stateAfter(r, p, at));
  if (!done) return rolloutRow(r.id); // another process completed it
  await announce(done, p.kind === "start" ? "start" : p.kind, calls, p);
  return done;
}

async function announce(r: RolloutRow, event: string, calls: PatchOp[][], p?: PendingAction) {
  const summary = {
    api: r.apiName,
    stage: r.stageName,
    step: r.stepIndex,
    percent: currentPercent(r),
    canaryDeploymentId: r.canaryDeploymentId,
    ...(p && "reason" in p ? { reason: p.reason } : {}),
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

async function failRollout(r: RolloutRow, reason: string): Promise<RolloutRow> {
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
type PendingIntent = DistributiveOmit<PendingAction, "decisionId">;

async function transition(
  r: RolloutRow,
  p: PendingIntent,
  decision: Omit<DecisionInput, "id" | "applied">,
): Promise<RolloutRow | null> {
  const id = randomUUID();
  const pending = { ...p, decisionId: id } as PendingAction;
  const at = nowDate();
  const begun = await casUpdate(
    r,
    { pendingAction: JSON.stringify(pending), failedChecks: decision.failedChecks },
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

// ---------------------------------------------------------------- evaluating

export type EvaluationOutcome = { id: string; action: string; reason?: string; error?: string };

/** One evaluation of one rollout: ONE GetMetricData call, a decision, and for a change the stage calls. */
export async function evaluateRollout(r: RolloutRow, nowMs = Date.now()): Promise<EvaluationOutcome> {
  if (r.pendingAction) {
    if (nowMs - r.updatedAt.getTime() < PENDING_STALE_MS) return { id: r.id, action: "wait-pending" };
    const done = await performPending(r);
    return { id: r.id, action: `resumed:${pendingOf(r)?.kind}`, reason: done.status };
  }
  if (r.status !== "running") return { id: r.id, action: "skip" };
  const plan = planOf(r);
  const window = metricWindow(r.stepStartedAt.getTime(), nowMs);
  const { series } = await getMetricData(rolloutQueries(r.apiName, r.stageName), window);
  const obs = observation(series);
  const d: Decision = decide(
    plan,
    {
      stepIndex: r.stepIndex,
      stepStartedAt: r.stepStartedAt.getTime(),
      failedChecks: r.failedChecks,
      paused: false,
      approved: r.approved,
    },
    obs,
    nowMs,
  );
  const base = {
    stepIndex: r.stepIndex,
    percent: stepPercent(plan, r.stepIndex),
    actorEmail: SYSTEM,
    metrics: { ...obs, window: { start: window.start.toISOString(), end: window.end.toISOString() } },
    checks: d.checks,
    failedChecks: d.failedChecks,
  };
  const at = new Date(nowMs);
  if (d.action === "hold" && d.reason === "not-enough-data") {
    // No canary traffic may mean the canary is gone: check the stage (one GetStage) before waiting longer.
    const stage = await getRestStage(r.restApiId, r.stageName);
    if (stage.canary?.deploymentId !== r.canaryDeploymentId) {
      await failRollout(r, "the stage changed outside Tollgate: the canary was removed or replaced.");
      return { id: r.id, action: "failed" };
    }
  }
  if (d.action === "hold") {
    await casUpdate(
      r,
      { failedChecks: d.failedChecks, nextEvaluationAt: new Date(nowMs + r.evaluationSeconds * 1000) },
      { ...base, action: "hold", reason: d.reason },
      at,
    );
    if (d.reason === "failed-check") await announce(r, "failed-check", []);
    return { id: r.id, action: "hold", reason: d.reason };
  }
  const done =
    d.action === "advance"
      ? await transition(
          r,
          { kind: "advance", toStep: d.toStep, percent: d.percent },
          { ...base, action: "advance", reason: "healthy", percent: d.percent, stepIndex: d.toStep },
        )
      : await transition(
          r,
          { kind: d.action, reason: d.action === "promote" ? "healthy" : "failed-checks" },
          { ...base, action: d.action, reason: d.action === "promote" ? "healthy" : "failed-checks" },
        );
  return { id: r.id, action: done ? d.action : "lost-race" };
}

/**
 * The job: evaluates every due rollout (and resumes interrupted ones). Stops starting new evaluations when its
 * lease is about to run out, so a slow run never overlaps another replica's.
 */
export async function runCanaryEngine(budgetMs = 10_000): Promise<{ evaluated: EvaluationOutcome[] }> {
  const started = Date.now();
  const evaluated: EvaluationOutcome[] = [];
  for (const r of await dueRollouts(nowDate())) {
    if (Date.now() - started > budgetMs) break;
    try {
      evaluated.push(await evaluateRollout(r));
    } catch (e) {
      log.warn({ err: e, rollout: r.id }, "rollout evaluation failed");
      evaluated.push({ id: r.id, action: "error", error: (e as Error).message });
    }
  }
  return { evaluated };
}

// ---------------------------------------------------------------- operator controls

const BUSY =
  "The rollout is changing the stage at this moment. Wait a few seconds and try again (the page updates on its own).";

/** Pause, resume, abort (roll back now), promote now, approve the promotion. */
export async function controlRollout(
  actor: Actor,
  rolloutId: string,
  command: RolloutCommand,
): Promise<RolloutDto> {
  assertCan(actor, "gateway.manage");
  const r = await rolloutRow(rolloutId);
  if (!r.activeKey) throw conflict(`This rollout has already ended (${r.status.replace("_", " ")}).`);
  if (r.pendingAction) throw conflict(BUSY);
  const plan = planOf(r);
  const at = nowDate();
  const decision = {
    stepIndex: r.stepIndex,
    percent: currentPercent(r),
    actorEmail: actor.email,
    failedChecks: r.failedChecks,
    reason: "operator",
  };
  let out: RolloutRow | null;
  switch (command) {
    case "pause":
      if (r.status === "paused") throw conflict("The rollout is already paused.");
      out = await casUpdate(r, { status: "paused" }, { ...decision, action: "pause" }, at);
      break;
    case "resume":
      if (r.status !== "paused") throw conflict("The rollout is not paused.");
      out = await casUpdate(
        r,
        { status: "running", nextEvaluationAt: at },
        { ...decision, action: "resume" },
        at,
      );
      break;
    case "approve":
      if (!plan.manualApproval) throw invalid("This rollout does not wait for approval.");
      if (r.approved) throw conflict("The promotion is already approved.");
      out = await casUpdate(
        r,
        { approved: true, nextEvaluationAt: at },
        { ...decision, action: "approve" },
        at,
      );
      break;
    case "abort":
    case "promote": {
      const kind = command === "abort" ? "rollback" : "promote";
      out = await transition(r, { kind, reason: "operator" }, { ...decision, action: kind });
      break;
    }
  }
  if (!out) throw conflict(BUSY);
  if (command === "pause" || command === "resume" || command === "approve") await announce(out, command, []);
  return rolloutDto(out);
}
