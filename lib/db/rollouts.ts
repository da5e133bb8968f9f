import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import type { Check, RolloutPlan } from "@/lib/canary/analysis";
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
import { db, Prisma, type Tx } from "./client";
import {
  appliedCalls,
  checks as checksSchema,
  decisionMetrics,
  pendingAction as pendingSchema,
  readJson,
  readJsonOrNull,
  rolloutPlan,
  stringRecord,
  toJson,
  toJsonOrNull,
  type PendingAction,
} from "./json";
import { definedOnly } from "@/lib/utils/defined-only";

/**
 * Canary rollouts and their decision log. Reads are actor-first (operators: `ops.view`); the engine's writes
 * (lib/canary/apply.ts, engine.ts, commands.ts) go through the compare-and-set helpers below, which every transition uses.
 */

type RawRollout = Prisma.CanaryRolloutGetPayload<object>;
/** A rollout as stored, its JSON columns parsed. */
export type RolloutRow = Omit<RawRollout, "overrides" | "plan" | "pendingAction"> & {
  overrides: Record<string, string>;
  plan: RolloutPlan;
  /** An interrupted change to API Gateway, written before it is sent (lib/canary/apply.ts). */
  pendingAction: PendingAction | null;
};
export type { PendingAction };

function rolloutRowOf(r: RawRollout): RolloutRow {
  return {
    ...r,
    overrides: readJson(stringRecord, r.overrides, "canary_rollout.overrides"),
    plan: readJson(rolloutPlan, r.plan, "canary_rollout.plan"),
    pendingAction: readJsonOrNull(pendingSchema, r.pendingAction, "canary_rollout.pendingAction"),
  };
}
const rolloutOrNull = (r: RawRollout | null) => (r ? rolloutRowOf(r) : null);

export const activeKeyOf = (restApiId: string, stageName: string) => `${restApiId}/${stageName}`;

export function currentPercent(r: RolloutRow): number {
  if (r.status === "promoted") return 100;
  if (r.status === "rolled_back" || r.status === "failed") return 0;
  return r.plan.steps[r.stepIndex]?.percent ?? 0;
}

export function rolloutDto(r: RolloutRow): RolloutDto {
  return {
    id: r.id,
    restApiId: r.restApiId,
    apiName: r.apiName,
    stageName: r.stageName,
    baseDeploymentId: r.baseDeploymentId,
    canaryDeploymentId: r.canaryDeploymentId,
    overrides: r.overrides,
    plan: r.plan,
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
  const metrics = readJsonOrNull(decisionMetrics, d.metrics, "canary_decision.metrics");
  const checks = readJson(checksSchema, d.checks, "canary_decision.checks");
  // SQL NULL while the decision's calls are being sent.
  const applied = readJsonOrNull(appliedCalls, d.applied, "canary_decision.applied");
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
  const r = rolloutOrNull(await db.canaryRollout.findUnique({ where: { id } }));
  if (!r) throw notFound("Rollout");
  const decisions = await db.canaryDecision.findMany({
    where: { rolloutId: id },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: 500,
  });
  return { ...rolloutDto(r), decisions: decisions.map((d) => decisionDto(d, r.plan)) };
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
  return rows.map((r) => rolloutDto(rolloutRowOf(r)));
}

/** The stage's running or paused rollout, if any (one GET of a unique key). */
export async function activeRolloutFor(restApiId: string, stageName: string): Promise<RolloutRow | null> {
  return rolloutOrNull(
    await db.canaryRollout.findUnique({ where: { activeKey: activeKeyOf(restApiId, stageName) } }),
  );
}

export async function rolloutRow(id: string): Promise<RolloutRow> {
  const r = await db.canaryRollout.findUnique({ where: { id } });
  if (!r) throw notFound("Rollout");
  return rolloutRowOf(r);
}

/** Active rollouts whose next evaluation is due, and any with an interrupted change (the engine resumes those). */
export async function dueRollouts(now: Date): Promise<RolloutRow[]> {
  const rows = await db.canaryRollout.findMany({
    where: {
      activeKey: { not: null },
      OR: [{ pendingAction: { not: Prisma.DbNull } }, { status: "running", nextEvaluationAt: { lte: now } }],
    },
    orderBy: { nextEvaluationAt: "asc" },
    take: 50,
  });
  return rows.map(rolloutRowOf);
}

export type DecisionInput = {
  action: DecisionAction;
  reason: string;
  stepIndex: number;
  percent: number;
  actorEmail: string;
  metrics?: DecisionMetrics | null;
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
      metrics: toJsonOrNull(d.metrics),
      checks: toJson(d.checks ?? []),
      failedChecks: d.failedChecks,
      applied: d.applied === "pending" ? Prisma.DbNull : toJson(d.applied ?? []),
    },
  });
}

type RawUpdate = Prisma.CanaryRolloutUpdateManyMutationInput;
/** The fields a transition may change (JSON columns typed). */
export type RolloutUpdate = Omit<RawUpdate, "overrides" | "plan" | "pendingAction" | "version"> & {
  pendingAction?: PendingAction | null;
};
const rawUpdate = ({ pendingAction, ...rest }: RolloutUpdate): RawUpdate => ({
  ...rest,
  ...(pendingAction !== undefined ? { pendingAction: toJsonOrNull(pendingAction) } : {}),
});

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
        data: { ...rawUpdate(data), version: r.version + 1 },
      });
      if (n.count !== 1) {
        // Lost the race: undo the decision too (the transaction is rolled back by throwing).
        throw new LostRace();
      }
      return rolloutRowOf(await tx.canaryRollout.findUniqueOrThrow({ where: { id: r.id } }));
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
        data: { ...rawUpdate({ ...data, pendingAction: null }), lastError: null, version: r.version + 1 },
      });
      if (n.count !== 1) throw new LostRace();
      await tx.canaryDecision.update({ where: { id: decisionId }, data: { applied: toJson(calls) } });
      return rolloutRowOf(await tx.canaryRollout.findUniqueOrThrow({ where: { id: r.id } }));
    })
    .catch((e: unknown) => {
      if (e instanceof LostRace) return null;
      throw e;
    });
}

type RawCreate = Prisma.CanaryRolloutUncheckedCreateInput;
/** A new rollout with its first decision (JSON columns typed). */
export type RolloutCreate = Omit<RawCreate, "overrides" | "plan" | "pendingAction" | "decisions"> & {
  overrides?: Record<string, string>;
  plan: RolloutPlan;
  pendingAction?: PendingAction | null;
  /** The rollout's first decision (its start), written in the same transaction. */
  firstDecision?: DecisionInput & { at: Date };
};

export async function createRolloutRow(input: RolloutCreate): Promise<RolloutRow> {
  const { overrides, plan, pendingAction, firstDecision, ...rest } = input;
  return db.$transaction(async (tx) => {
    const r = await tx.canaryRollout.create({
      data: {
        ...rest,
        overrides: toJson(overrides ?? {}),
        plan: toJson(plan),
        pendingAction: toJsonOrNull(pendingAction),
      },
    });
    if (firstDecision) await addDecision(tx, r.id, firstDecision.at, firstDecision);
    return rolloutRowOf(r);
  });
}
