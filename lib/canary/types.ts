import type { Check, Observation, RolloutPlan } from "./analysis";

/** What the rollout screens receive (lib/db/rollouts.ts builds these; no AWS call). Dates are ISO strings. */

export type RolloutStatus = "running" | "paused" | "promoted" | "rolled_back" | "failed";
export const ACTIVE_STATUSES: readonly RolloutStatus[] = ["running", "paused"];

export type DecisionAction =
  "start" | "hold" | "advance" | "promote" | "rollback" | "pause" | "resume" | "approve" | "fail";

export type DecisionMetrics = Observation & { window: { start: string; end: string } };

export type DecisionDto = {
  id: string;
  at: string;
  stepIndex: number;
  percent: number;
  action: DecisionAction;
  /** Machine reason: not-enough-data, holding, failed-check, awaiting-approval, paused, healthy, operator, … */
  reason: string;
  /** A sentence for people, built from the reason and the numbers. */
  explanation: string;
  actorEmail: string;
  metrics: DecisionMetrics | null;
  checks: Check[];
  failedChecks: number;
  /** The UpdateStage calls sent (each a list of JSON Patch operations); empty for holds; null while pending. */
  applied: unknown[][] | null;
};

export type RolloutDto = {
  id: string;
  restApiId: string;
  apiName: string;
  stageName: string;
  baseDeploymentId: string;
  canaryDeploymentId: string;
  overrides: Record<string, string>;
  plan: RolloutPlan;
  evaluationSeconds: number;
  webhookUrl: string | null;
  status: RolloutStatus;
  stepIndex: number;
  /** The canary's share of traffic now: the current step's percentage, 100 once promoted, 0 once rolled back. */
  currentPercent: number;
  stepStartedAt: string;
  failedChecks: number;
  approved: boolean;
  /** True while a change to the stage is being applied (or was interrupted and will be resumed). */
  pending: boolean;
  nextEvaluationAt: string;
  lastError: string | null;
  createdByEmail: string;
  createdAt: string;
  finishedAt: string | null;
};

export type RolloutDetailDto = RolloutDto & { decisions: DecisionDto[] };
