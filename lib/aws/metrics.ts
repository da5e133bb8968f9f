import "server-only";
import { GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { assertOneCall, type MetricQuery, type SeriesData } from "@/lib/metrics/queries";
import { cloudWatch } from "./clients";
import { aws } from "./errors";

/**
 * Exactly one GetMetricData call for all the screen's series (≤ 500, checked). Points come back oldest first.
 * AWS pages past 100,800 data points; our windows stay far below that, so a NextToken is not followed (it would
 * be a second call) and `partial` says so instead.
 */
export async function getMetricData(
  queries: readonly MetricQuery[],
  window: { start: Date; end: Date },
): Promise<{ series: SeriesData[]; partial: boolean }> {
  assertOneCall(queries);
  if (queries.length === 0) return { series: [], partial: false };
  const out = await aws(
    () =>
      cloudWatch.send(
        new GetMetricDataCommand({
          MetricDataQueries: queries.map((q) => ({ ...q, MetricStat: { ...q.MetricStat } })),
          StartTime: window.start,
          EndTime: window.end,
          ScanBy: "TimestampAscending",
        }),
      ),
    "CloudWatch",
  );
  const series = (out.MetricDataResults ?? []).map((r) => ({
    id: r.Id ?? "",
    timestamps: (r.Timestamps ?? []).map((d) => d.getTime()),
    values: r.Values ?? [],
  }));
  return {
    series,
    partial:
      Boolean(out.NextToken) ||
      (out.MetricDataResults ?? []).some((r) => r.StatusCode && r.StatusCode !== "Complete"),
  };
}
