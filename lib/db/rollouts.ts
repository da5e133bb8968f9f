import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import type { Check, Observation, RolloutPlan } from "@/lib/canary/analysis";
import { explainDecision } from "@/lib/canary/observe";
import type {
  DecisionAction,
  DecisionDto,
  DecisionMetrics,
  RolloutDetailDto,
  RolloutDto,
  RolloutStatus,
} from "@/lib/canary/types";
import { notFound } from "@/lib/errors";
import { db, type Tx } from "./client";
import { definedOnly } from "@/lib/utils/defined-only";

/**
 * Canary rollouts and their decision log. Reads are actor-first (operators: `ops.view`); the engine's writes
 * (lib/canary/apply.ts, engine.ts, commands.ts) go through the compare-and-set helpers below, which every transition uses.
 */

export type RolloutRow = NonNullable<Awaited<ReturnType<typeof db.canaryRollout.findUnique>>>;

/** An interrupted change to API Gateway, written before it is sent (lib/canary/apply.ts). */
export type PendingAction =
  | { kind: "start"; percent: number; decisionId: string }
  | { kind: "advance"; toStep: number; percent: number; decisionId: string }
  | { kind: "promote"; decisionId: string; reason: string }
  | { kind: "rollback"; decisionId: string; reason: string };

export const activeKeyOf = (restApiId: string, stageName: string) => `${restApiId}/${stageName}`;
export const planOf = (r: RolloutRow): RolloutPlan => JSON.parse(r.plan) as RolloutPlan;
export const pendingOf = (r: RolloutRow): PendingAction | null =>
  r.pendingAction ? (JSON.parse(r.pendingAction) as PendingAction) : null;

export function currentPercent(r: RolloutRow): number {
  if (r.status === "promoted") return 100;
  if (r.status === "rolled_back" || r.status === "failed") return 0;
  return planOf(r).steps[r.stepIndex]?.percent ?? 0;
}

export function rolloutDto(r: RolloutRow): RolloutDto {
  return {
    id: r.id,
    restApiId: r.restApiId,
    apiName: r.apiName,
    stageName: r.stageName,
    baseDeploymentId: r.baseDeploymentId,
    canaryDeploymentId: r.canaryDeploymentId,
    overrides: JSON.parse(r.overrides) as Record<string, string>,
    plan: planOf(r),
    evaluationSeconds: r.evaluationSeconds,
    webhookUrl: r.webhookUrl,
    status: r.status as RolloutStatus,
    stepIndex: r.stepIndex,
    currentPercent: currentPercent(r),
    stepStartedAt: r.stepStartedAt.toISOString(),
    failedChecks: r.failedChecks,
    approved: r.approved,
    pending: r.pendingAction !== null,
    nextEvaluationAt: r.nextEvaluationAt.toISOString(),
    lastError: r.lastError,
    createdByEmail: r.createdByEmail,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

type DecisionRow = Awaited<ReturnType<typeof db.canaryDecision.findMany>>[number];

function decisionDto(d: DecisionRow, plan: RolloutPlan): DecisionDto {
  const metrics = d.metrics ? (JSON.parse(d.metrics) as DecisionMetrics) : null;
  const checks = JSON.parse(d.checks) as Check[];
  const applied = d.applied === "pending" ? null : (JSON.parse(d.applied) as unknown[][]);
  return {
    id: d.id,
    at: d.at.toISOString(),
    stepIndex: d.stepIndex,
    percent: d.percent,
    action: d.action as DecisionAction,
    reason: d.reason,
    explanation: explainDecision({
      action: d.action,
      reason: d.reason,
      percent: d.percent,
      checks,
      failedChecks: d.failedChecks,
      metrics,
      failureThreshold: plan.failureThreshold,
      minRequests: plan.gates.minRequests,
    }),
    actorEmail: d.actorEmail,
    metrics,
    checks,
    failedChecks: d.failedChecks,
    applied,
  };
}

export async function getRollout(actor: Actor, id: string): Promise<RolloutDetailDto> {
  assertCan(actor, "ops.view");
  const r = await db.canaryRollout.findUnique({ where: { id } });
  if (!r) throw notFound("Rollout");
  const decisions = await db.canaryDecision.findMany({
    where: { rolloutId: id },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: 500,
  });
  const plan = planOf(r);
  return { ...rolloutDto(r), decisions: decisions.map((d) => decisionDto(d, plan)) };
}

export async function listRollouts(
  actor: Actor,
  filter: { restApiId?: string; stageName?: string; active?: boolean } = {},
): Promise<RolloutDto[]> {
  assertCan(actor, "ops.view");
  const rows = await db.canaryRollout.findMany({
    where: {
      ...definedOnly({ restApiId: filter.restApiId, stageName: filter.stageName }),
      ...(filter.active ? { activeKey: { not: null } } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return rows.map(rolloutDto);
}

/** The stage's running or paused rollout, if any (one GET of a unique key). */
export async function activeRolloutFor(restApiId: string, stageName: string): Promise<RolloutRow | null> {
  return db.canaryRollout.findUnique({ where: { activeKey: activeKeyOf(restApiId, stageName) } });
}

export async function rolloutRow(id: string): Promise<RolloutRow> {
  const r = await db.canaryRollout.findUnique({ where: { id } });
  if (!r) throw notFound("Rollout");
  return r;
}

/** Active rollouts whose next evaluation is due, and any with an interrupted change (the engine resumes those). */
export async function dueRollouts(now: Date): Promise<RolloutRow[]> {
  return db.canaryRollout.findMany({
    where: {
      activeKey: { not: null },
      OR: [{ pendingAction: { not: null } }, { status: "running", nextEvaluationAt: { lte: now } }],
    },
    orderBy: { nextEvaluationAt: "asc" },
    take: 50,
  });
}

export type DecisionInput = {
  action: DecisionAction;
  reason: string;
  stepIndex: number;
  percent: number;
  actorEmail: string;
  metrics?: (Observation & { window: { start: string; end: string } }) | null;
  checks?: Check[];
  failedChecks: number;
  applied?: unknown[][] | "pending";
  /** Set by a transition so its pending action can name the decision it will complete. */
  id?: string;
};

export async function addDecision(tx: Tx | typeof db, rolloutId: string, at: Date, d: DecisionInput) {
  return tx.canaryDecision.create({
    data: {
      ...definedOnly({ id: d.id }),
      rolloutId,
      at,
      stepIndex: d.stepIndex,
      percent: d.percent,
      action: d.action,
      reason: d.reason,
      actorEmail: d.actorEmail,
      metrics: d.metrics ? JSON.stringify(d.metrics) : null,
      checks: JSON.stringify(d.checks ?? []),
      failedChecks: d.failedChecks,
      applied: d.applied === "pending" ? "pending" : JSON.stringify(d.applied ?? []),
    },
  });
}

type RolloutUpdate = Parameters<typeof db.canaryRollout.updateMany>[0]["data"];

/**
 * Compare-and-set: applies `data` (and bumps the version) only if the row is still at `version`, and records the
 * decision in the same transaction. Returns the new row, or null when someone else changed the rollout first.
 */
export async function casUpdate(
  r: RolloutRow,
  data: RolloutUpdate,
  decision: DecisionInput | null,
  at: Date,
): Promise<RolloutRow | null> {
  return db
    .$transaction(async (tx) => {
      if (decision) await addDecision(tx, r.id, at, decision);
      const n = await tx.canaryRollout.updateMany({
        where: { id: r.id, version: r.version },
        data: { ...data, version: r.version + 1 },
      });
      if (n.count !== 1) {
        // Lost the race: undo the decision too (the transaction is rolled back by throwing).
        throw new LostRace();
      }
      return tx.canaryRollout.findUniqueOrThrow({ where: { id: r.id } });
    })
    .catch((e: unknown) => {
      if (e instanceof LostRace) return null;
      throw e;
    });
}

class LostRace extends Error {}

/**
 * Completes a transition: the rollout's new state (compare-and-set on `version`) and the decision's applied calls,
 * in one transaction. Null when the rollout changed meanwhile.
 */
export async function completePending(
  r: RolloutRow,
  decisionId: string,
  calls: unknown[][],
  data: RolloutUpdate,
): Promise<RolloutRow | null> {
  return db
    .$transaction(async (tx) => {
      const n = await tx.canaryRollout.updateMany({
        where: { id: r.id, version: r.version },
        data: { ...data, pendingAction: null, lastError: null, version: r.version + 1 },
      });
      if (n.count !== 1) throw new LostRace();
      await tx.canaryDecision.update({ where: { id: decisionId }, data: { applied: JSON.stringify(calls) } });
      return tx.canaryRollout.findUniqueOrThrow({ where: { id: r.id } });
    })
    .catch((e: unknown) => {
      if (e instanceof LostRace) return null;
      throw e;
    });
}

export async function createRolloutRow(
  data: Parameters<typeof db.canaryRollout.create>[0]["data"],
): Promise<RolloutRow> {
  return db.canaryRollout.create({ data });
}
