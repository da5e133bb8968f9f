"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Stat, StatGrid } from "@/components/ui/stat";
import { RANGES, total, weightedRate, type MetricPoint, type MetricTarget } from "@/lib/metrics/queries";
import { stageMetricsQuery } from "@/lib/query-options/metrics";
import { METRIC_RANGES, type MetricRange } from "@/lib/schemas/stages";
import { RangePicker } from "./range-picker";
import { ARM_COLORS, TimeLineChart, type ChartLine, type ChartRow } from "./time-line-chart";
import { definedOnly } from "@/lib/utils/defined-only";

const time = (t: number, range: MetricRange) => {
  const d = new Date(t);
  const hhmm = `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
  return range === "7d" ? `${d.getUTCMonth() + 1}/${d.getUTCDate()} ${hhmm}` : hhmm;
};
const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)} %`);
const col = (points: readonly MetricPoint[], id: string) => points.map((p) => p[id] ?? null);

type Line = ChartLine & { scale?: number; zeroWhenMissing?: boolean };

function Chart({
  title,
  unit,
  points,
  lines,
  range,
}: {
  title: string;
  unit: string;
  points: readonly MetricPoint[];
  lines: readonly Line[];
  range: MetricRange;
}) {
  const data = points.map((p) => {
    const row: ChartRow = { t: p.t };
    for (const l of lines) {
      const v = p[l.key];
      // CloudWatch leaves out periods without requests: for counts that is 0, for rates and latencies a gap.
      row[l.key] = v == null ? (l.zeroWhenMissing ? 0 : null) : v * (l.scale ?? 1);
    }
    return row;
  });
  // No value at all in the window (a new or idle stage): say so instead of drawing an empty frame.
  if (!points.some((p) => lines.some((l) => p[l.key] != null)))
    return (
      <figure className="flex flex-col gap-1" aria-label={title}>
        <figcaption className="text-sm font-medium">
          {title} <span className="text-xs font-normal text-muted-foreground">({unit})</span>
        </figcaption>
        <div className="flex h-48 items-center justify-center rounded-md border border-dashed px-4 text-center text-sm text-muted-foreground">
          No data yet: CloudWatch has no values for this period. They appear a minute or two after the stage
          serves requests.
        </div>
      </figure>
    );
  return (
    <TimeLineChart
      title={title}
      unit={unit}
      data={data}
      lines={lines.map((l) => ({ ...l, dots: !l.zeroWhenMissing }))}
      formatTime={(t) => time(t, range)}
    />
  );
}

/**
 * A stage's CloudWatch charts, base and canary overlaid, refreshing on their own. Each refresh is one request to
 * /api/ops/metrics/stage, which makes one GetMetricData call for all series. A REST stage's canary series are always
 * asked for, so after a canary is promoted or abandoned its traffic of the window stays on the charts.
 */
export function StageCharts({ target, canary }: { target: MetricTarget; canary: boolean }) {
  const [range, setRange] = useState<MetricRange>("1h");
  const q = useQuery(stageMetricsQuery(target, range, target.kind === "REST"));
  const points = q.data?.points ?? [];
  const hadCanary = canary || points.some((p) => (p.c_count ?? 0) > 0);
  const arms = hadCanary ? (["b", "c"] as const) : (["b"] as const);
  const armName = { b: target.stage, c: "canary" };
  const armColor = { b: ARM_COLORS.base, c: ARM_COLORS.canary };
  const lines = (series: string, scale?: number): Line[] =>
    arms.map((a) => ({
      key: `${a}_${series}`,
      name: armName[a],
      color: armColor[a],
      dashed: a === "c",
      ...definedOnly({ scale: scale || undefined }),
    }));
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
        <div>
          <CardTitle>Metrics</CardTitle>
          <CardDescription>
            CloudWatch AWS/ApiGateway metrics of {target.stage}
            {hadCanary
              ? canary
                ? " and its canary (dashed), in its own colours"
                : " and its former canary (dashed), in its own colours"
              : ""}
            , {RANGES[range].label.toLowerCase()}, in UTC. Refreshes on its own
            {q.dataUpdatedAt ? `; updated ${new Date(q.dataUpdatedAt).toISOString().slice(11, 19)} UTC` : ""}.
          </CardDescription>
        </div>
        <RangePicker value={range} onChange={setRange} options={METRIC_RANGES} />
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {q.error ? <Alert variant="destructive">{q.error.message}</Alert> : null}
        {q.isPending ? (
          <Skeleton className="h-48 w-full" />
        ) : (
          <>
            <StatGrid>
              {arms.map((a) => (
                <Stat
                  key={a}
                  label={`${a === "b" ? "Base" : "Canary"} requests`}
                  value={
                    <span data-testid={`${a === "b" ? "base" : "canary"}-requests`}>
                      {total(col(points, `${a}_count`)).toLocaleString("en-US")}
                    </span>
                  }
                  hint={`5XX ${pct(weightedRate(col(points, `${a}_count`), col(points, `${a}_err5`)))} · 4XX ${pct(weightedRate(col(points, `${a}_count`), col(points, `${a}_err4`)))}`}
                />
              ))}
            </StatGrid>
            <div className="grid gap-6 lg:grid-cols-2">
              <Chart
                title="Requests"
                unit="per period"
                points={points}
                lines={lines("count").map((l) => ({ ...l, zeroWhenMissing: true }))}
                range={range}
              />
              <Chart
                title="Error rates"
                unit="% of requests"
                points={points}
                range={range}
                lines={[
                  ...lines("err5", 100).map((l) => ({ ...l, name: `5XX ${l.name}` })),
                  ...lines("err4", 100).map((l) => ({
                    ...l,
                    name: `4XX ${l.name}`,
                    // Base and canary differ by colour as well as by dashes (dashes alone are easy to miss).
                    color: l.dashed ? "var(--color-chart-4, #a855f7)" : "var(--color-chart-3, #eab308)",
                  })),
                ]}
              />
              <Chart
                title="Latency p50 / p90 / p99"
                unit="ms"
                points={points}
                range={range}
                lines={(["p50", "p90", "p99"] as const).flatMap((s, i) =>
                  lines(s).map((l) => ({
                    ...l,
                    name: `${s} ${l.name}`,
                    color: l.dashed
                      ? ["#fdba74", "#fb923c", "#ea580c"][i]!
                      : ["#93c5fd", "#3b82f6", "#1e3a8a"][i]!,
                  })),
                )}
              />
              <Chart
                title="Integration latency p99"
                unit="ms"
                points={points}
                lines={lines("ilat")}
                range={range}
              />
            </div>
            {q.data?.partial ? (
              <p className="text-xs text-muted-foreground">
                Some series came back incomplete from CloudWatch.
              </p>
            ) : null}
          </>
        )}
      </CardContent>
    </Card>
  );
}
