import "server-only";
import { getMetricData } from "@/lib/aws/metrics";
import { withPriority } from "@/lib/aws/priority";
import { getRestStage } from "@/lib/aws/stages";
import { casUpdate, dueRollouts, type RolloutRow } from "@/lib/db/rollouts";
import { log } from "@/lib/log";
import { decide, type Decision } from "./analysis";
import { announce, failRollout, nowDate, performPending, stepPercent, SYSTEM, transition } from "./apply";
import { metricWindow, observation, rolloutQueries } from "./observe";

/**
 * The rollout engine. Each run (a lease-protected job, lib/jobs/scheduler.ts) evaluates the due rollouts: ONE
 * GetMetricData call for the canary and base arms, `decide` (lib/canary/analysis.ts), and for a step change ONE
 * GetStage (to check the canary is still ours and not already changed) plus the UpdateStage calls, applied
 * crash-safely by lib/canary/apply.ts. Interrupted changes found here are resumed.
 */

/** A pending action younger than this may still be in flight in another process; older ones are resumed. */
export const PENDING_STALE_MS = 20_000;

export type EvaluationOutcome = { id: string; action: string; reason?: string; error?: string };

/** One evaluation of one rollout: ONE GetMetricData call, a decision, and for a change the stage calls. */
export async function evaluateRollout(r: RolloutRow, nowMs = Date.now()): Promise<EvaluationOutcome> {
  if (r.pendingAction) {
    if (nowMs - r.updatedAt.getTime() < PENDING_STALE_MS) return { id: r.id, action: "wait-pending" };
    const done = await performPending(r);
    return { id: r.id, action: `resumed:${r.pendingAction?.kind}`, reason: done.status };
  }
  if (r.status !== "running") return { id: r.id, action: "skip" };
  const plan = r.plan;
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
export function runCanaryEngine(budgetMs = 10_000): Promise<{ evaluated: EvaluationOutcome[] }> {
  // Canary priority however it is started (scheduler, test hook): its gates must not wait behind a sync.
  return withPriority("canary", () => evaluateDue(budgetMs));
}

async function evaluateDue(budgetMs: number): Promise<{ evaluated: EvaluationOutcome[] }> {
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
