import type { MetricRange } from "@/lib/schemas/stages";

/**
 * Pure builders of CloudWatch GetMetricData queries for API Gateway stages. A screen's series all go into ONE
 * GetMetricData call per refresh (AWS allows 500 queries a call), so the builders return plain query lists that the
 * caller concatenates and lib/aws/metrics.ts sends once.
 */

export const MAX_QUERIES_PER_CALL = 500;

export type MetricQuery = {
  Id: string;
  Label: string;
  MetricStat: {
    Metric: { Namespace: string; MetricName: string; Dimensions: { Name: string; Value: string }[] };
    Period: number;
    Stat: string;
  };
  ReturnData: true;
};

/** Range → window and period: about 60–170 points per series, and periods AWS accepts for that age of data. */
export const RANGES: Record<MetricRange, { seconds: number; period: number; label: string }> = {
  "1h": { seconds: 3600, period: 60, label: "Last hour" },
  "6h": { seconds: 6 * 3600, period: 300, label: "Last 6 hours" },
  "24h": { seconds: 24 * 3600, period: 900, label: "Last 24 hours" },
  "7d": { seconds: 7 * 24 * 3600, period: 3600, label: "Last 7 days" },
};

/** The window ends at the next whole period so the newest bucket is included; StartTime is inclusive. */
export function timeWindow(range: MetricRange, nowMs: number): { start: Date; end: Date; period: number } {
  const { seconds, period } = RANGES[range];
  const end = Math.ceil(nowMs / 1000 / period) * period;
  return { start: new Date((end - seconds) * 1000), end: new Date(end * 1000), period };
}

export type StageSeries = "count" | "err4" | "err5" | "p50" | "p90" | "p99" | "ilat";
export const STAGE_SERIES: readonly StageSeries[] = ["count", "err4", "err5", "p50", "p90", "p99", "ilat"];

/** REST APIs are dimensioned by ApiName, HTTP APIs by ApiId, and name their error metrics 4xx/5xx (docs/aws-api-gateway.md §9). */
export type MetricTarget = { kind: "REST" | "HTTP"; api: string; stage: string };

function metricOf(kind: MetricTarget["kind"], s: StageSeries): { name: string; stat: string } {
  const errors = kind === "REST" ? { err4: "4XXError", err5: "5XXError" } : { err4: "4xx", err5: "5xx" };
  switch (s) {
    case "count":
      return { name: "Count", stat: "Sum" };
    case "err4":
      return { name: errors.err4, stat: "Average" };
    case "err5":
      return { name: errors.err5, stat: "Average" };
    case "p50":
    case "p90":
    case "p99":
      return { name: "Latency", stat: s };
    case "ilat":
      return { name: "IntegrationLatency", stat: "p99" };
  }
}

/** Query ids must start with a lowercase letter and hold only letters, digits and _. */
export function queryId(prefix: string, series: StageSeries): string {
  if (!/^[a-z][A-Za-z0-9_]*$/.test(prefix)) throw new Error(`invalid query id prefix ${prefix}`);
  return `${prefix}_${series}`;
}

export function stageQueries(
  target: MetricTarget,
  prefix: string,
  period: number,
  series: readonly StageSeries[] = STAGE_SERIES,
): MetricQuery[] {
  const dims = [
    { Name: target.kind === "REST" ? "ApiName" : "ApiId", Value: target.api },
    { Name: "Stage", Value: target.stage },
  ];
  return series.map((s) => {
    const m = metricOf(target.kind, s);
    return {
      Id: queryId(prefix, s),
      Label: `${target.stage} ${s}`,
      MetricStat: {
        Metric: { Namespace: "AWS/ApiGateway", MetricName: m.name, Dimensions: dims },
        Period: period,
        Stat: m.stat,
      },
      ReturnData: true,
    };
  });
}

/** Throws when a screen would need more than one call: the caller must show fewer series instead. */
export function assertOneCall(queries: readonly MetricQuery[]): void {
  if (queries.length > MAX_QUERIES_PER_CALL)
    throw new Error(
      `${queries.length} series do not fit one GetMetricData call (at most ${MAX_QUERIES_PER_CALL}).`,
    );
  const ids = new Set(queries.map((q) => q.Id));
  if (ids.size !== queries.length) throw new Error("duplicate GetMetricData query ids");
}

export type SeriesData = { id: string; timestamps: number[]; values: number[] };
export type MetricPoint = { t: number } & Record<string, number | null>;

/**
 * Merges series into chart rows by timestamp (ascending, ms), one column per query id, null where a series has no
 * value; every period of the window gets a row so gaps show as gaps.
 */
export function toPoints(
  series: readonly SeriesData[],
  window: { start: Date; end: Date; period: number },
): MetricPoint[] {
  const rows = new Map<number, MetricPoint>();
  for (let t = window.start.getTime(); t < window.end.getTime(); t += window.period * 1000) {
    const row: MetricPoint = { t };
    for (const s of series) row[s.id] = null;
    rows.set(t, row);
  }
  for (const s of series) {
    s.timestamps.forEach((ts, i) => {
      const row = rows.get(ts);
      if (row) row[s.id] = s.values[i] ?? null;
    });
  }
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

/** Sum, ignoring gaps. */
export const total = (values: readonly (number | null)[]) => values.reduce<number>((a, v) => a + (v ?? 0), 0);

/** Count-weighted average of a per-period rate (Average of 4XXError/5XXError), as a fraction 0..1. */
export function weightedRate(
  counts: readonly (number | null)[],
  rates: readonly (number | null)[],
): number | null {
  let n = 0;
  let errs = 0;
  counts.forEach((c, i) => {
    const r = rates[i];
    if (c && r !== null && r !== undefined) {
      n += c;
      errs += c * r;
    }
  });
  return n > 0 ? errs / n : null;
}
