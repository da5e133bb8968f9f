import type { DecisionDto } from "@/lib/canary/types";

/** A rate as a percentage with two decimals; null when there were no requests (no rate, not 0 %). */
const percentOf = (requests: number, errors: number) =>
  requests > 0 ? Math.round((errors / requests) * 10_000) / 100 : null;

export type Point = {
  t: number;
  canary5xx: number | null;
  base5xx: number | null;
  canaryP99: number | null;
  baseP99: number | null;
  canaryRequests: number;
};

/**
 * The numbers each decision was based on, oldest first: one point per evaluation that read metrics (operator
 * actions and the start carry none and are left out).
 */
export function chartPoints(decisions: readonly DecisionDto[]): Point[] {
  return decisions
    .filter((d) => d.metrics !== null)
    .map((d) => {
      const m = d.metrics!;
      return {
        t: new Date(d.at).getTime(),
        canary5xx: percentOf(m.canary.requests, m.canary.errors5xx),
        base5xx: percentOf(m.base.requests, m.base.errors5xx),
        canaryP99: m.canary.p99Ms,
        baseP99: m.base.p99Ms,
        canaryRequests: m.canary.requests,
      };
    })
    .sort((a, b) => a.t - b.t);
}
