import type { MetricPoint } from "@/lib/metrics/queries";
import {
  DEFAULT_PLAN,
  evaluateGates,
  type ArmMetrics,
  type Check,
  type Gates,
  type Observation,
} from "./analysis";

/**
 * Is a manually run canary clearly worse than its base? The stage page asks this of the chart data it already has
 * (one-minute points of the last hour, columns b_* for the base and c_* for the canary), and answers with the same
 * gates an automated rollout applies (`evaluateGates`, the one-click defaults), over the same 10-minute window.
 */
export type CanaryHealth =
  | { state: "not-enough-data"; requests: number; minRequests: number }
  | { state: "healthy"; checks: Check[]; observation: Observation }
  | { state: "worse"; failed: Check[]; observation: Observation };

export const HEALTH_WINDOW_MINUTES = 10;

function arm(points: readonly MetricPoint[], prefix: "b" | "c"): ArmMetrics {
  let requests = 0;
  let errors = 0;
  let p99: number | null = null;
  for (const p of points) {
    const n = p[`${prefix}_count`] ?? 0;
    const rate = p[`${prefix}_err5`];
    const lat = p[`${prefix}_p99`];
    requests += n;
    // 5XXError's per-minute Average is the minute's rate: weight it by the minute's requests.
    if (n > 0 && rate !== null && rate !== undefined) errors += n * rate;
    // The worst minute's p99, as the rollout engine reads it.
    if (lat !== null && lat !== undefined) p99 = p99 === null ? lat : Math.max(p99, lat);
  }
  return {
    requests: Math.round(requests),
    errors5xx: Math.round(errors),
    p99Ms: p99 === null ? null : Math.round(p99 * 10) / 10,
  };
}

export function canaryHealth(
  points: readonly MetricPoint[],
  gates: Gates = DEFAULT_PLAN.gates,
  minutes = HEALTH_WINDOW_MINUTES,
): CanaryHealth {
  const recent = points.slice(-minutes);
  const observation = { canary: arm(recent, "c"), base: arm(recent, "b") };
  if (observation.canary.requests < gates.minRequests)
    return {
      state: "not-enough-data",
      requests: observation.canary.requests,
      minRequests: gates.minRequests,
    };
  const checks = evaluateGates(gates, observation);
  const failed = checks.filter((c) => !c.passed);
  return failed.length > 0
    ? { state: "worse", failed, observation }
    : { state: "healthy", checks, observation };
}
