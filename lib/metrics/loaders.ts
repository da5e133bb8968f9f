import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { canaryStageName } from "@/lib/aws/canary";
import { awsBudgetStats } from "@/lib/aws/clients";
import { getMetricData } from "@/lib/aws/metrics";
import {
  stageQueries,
  timeWindow,
  toPoints,
  type MetricPoint,
  type MetricTarget,
} from "@/lib/metrics/queries";
import { SharedReads } from "@/lib/metrics/shared-reads";
import type { MetricQuery } from "@/lib/metrics/queries";
import { REFRESH_MS } from "@/lib/metrics/refresh";
import type { MetricRange } from "@/lib/schemas/stages";

type MetricData = Awaited<ReturnType<typeof getMetricData>>;
const g = globalThis as unknown as { __tollgateMetricReads?: SharedReads<MetricData> };
const shared = (g.__tollgateMetricReads ??= new SharedReads<MetricData>());

/**
 * Operators' chart reads, shared per process: the same queries over the same window within one refresh interval of
 * the charts (lib/queries/metrics.ts) cost one GetMetricData however many operators watch. The window is rounded
 * to the period, so viewers a few seconds apart ask the same question. The canary engine reads uncached.
 */
function sharedMetricData(
  queries: MetricQuery[],
  window: { start: Date; end: Date },
  range: MetricRange,
): Promise<MetricData> {
  const key = JSON.stringify([window.start.getTime(), window.end.getTime(), queries]);
  return shared.get(key, REFRESH_MS[range], () => getMetricData(queries, window));
}

export function metricReadStats() {
  return shared.stats();
}

export type StageMetricsDto = {
  range: MetricRange;
  period: number;
  /** Columns b_<series> (base) and, with a canary, c_<series>. */
  points: MetricPoint[];
  partial: boolean;
};

/** One stage's charts, base and canary overlaid: ONE GetMetricData call (14 series with a canary). */
export async function loadStageMetrics(
  actor: Actor,
  target: MetricTarget,
  range: MetricRange,
  withCanary: boolean,
  nowMs = Date.now(),
): Promise<StageMetricsDto> {
  assertCan(actor, "ops.view");
  const window = timeWindow(range, nowMs);
  const queries = [
    ...stageQueries(target, "b", window.period),
    ...(withCanary
      ? stageQueries({ ...target, stage: canaryStageName(target.stage) }, "c", window.period)
      : []),
  ];
  const { series, partial } = await sharedMetricData(queries, window, range);
  return { range, period: window.period, points: toPoints(series, window), partial };
}

export type OverviewRowDto = { points: MetricPoint[] };
export type OverviewMetricsDto = {
  range: MetricRange;
  period: number;
  stages: MetricPoint[][];
  partial: boolean;
};

/**
 * The overview of all stages: requests, 5XX rate and p99 per stage, all in ONE GetMetricData call (3 series a
 * stage; at most 166 stages fit the 500-query limit, checked by getMetricData).
 */
export async function loadOverviewMetrics(
  actor: Actor,
  targets: readonly MetricTarget[],
  range: MetricRange,
  nowMs = Date.now(),
): Promise<OverviewMetricsDto> {
  assertCan(actor, "ops.view");
  const window = timeWindow(range, nowMs);
  const queries = targets.flatMap((t, i) =>
    stageQueries(t, `s${i}`, window.period, ["count", "err5", "p99"]),
  );
  const { series, partial } = await sharedMetricData(queries, window, range);
  return {
    range,
    period: window.period,
    stages: targets.map((_, i) =>
      toPoints(
        series
          .filter((s) => s.id.startsWith(`s${i}_`))
          .map((s) => ({ ...s, id: s.id.slice(`s${i}_`.length) })),
        window,
      ),
    ),
    partial,
  };
}

/** This replica's AWS budgets and shared chart reads (counters since start; no AWS call). Operators only. */
export function loadAwsBudgetStatus(actor: Actor) {
  assertCan(actor, "ops.view");
  return { ...awsBudgetStats(), metricReads: metricReadStats() };
}
