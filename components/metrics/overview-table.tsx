"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Line, LineChart, ResponsiveContainer } from "recharts";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { total, weightedRate, type MetricTarget } from "@/lib/metrics/queries";
import { overviewMetricsQuery } from "@/lib/query-options/metrics";
import { METRIC_RANGES, type MetricRange } from "@/lib/schemas/stages";
import { RangePicker } from "./range-picker";

export type OverviewStage = MetricTarget & { apiName: string; href: string };

/** Every stage with a requests sparkline, 5XX rate and worst p99, from one GetMetricData call per refresh. */
export function OverviewTable({ stages }: { stages: readonly OverviewStage[] }) {
  const [range, setRange] = useState<MetricRange>("1h");
  const targets = stages.map(({ kind, api, stage }) => ({ kind, api, stage }));
  const q = useQuery(overviewMetricsQuery(targets, range));
  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground">
          Refreshes on its own
          {q.dataUpdatedAt ? `; updated ${new Date(q.dataUpdatedAt).toISOString().slice(11, 19)} UTC` : ""}.
        </p>
        <RangePicker value={range} onChange={setRange} options={METRIC_RANGES} />
      </div>
      {q.error ? <Alert variant="destructive">{q.error.message}</Alert> : null}
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>API</TableHead>
            <TableHead>Stage</TableHead>
            <TableHead>Requests</TableHead>
            <TableHead className="text-right">Total</TableHead>
            <TableHead className="text-right">5XX rate</TableHead>
            <TableHead className="text-right">Worst p99</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {stages.map((s, i) => {
            const pts = q.data?.stages[i] ?? [];
            const counts = pts.map((p) => p.count ?? null);
            const rate = weightedRate(
              counts,
              pts.map((p) => p.err5 ?? null),
            );
            const p99s = pts.map((p) => p.p99).filter((v): v is number => typeof v === "number");
            return (
              <TableRow
                key={`${s.kind}:${s.api}:${s.stage}`}
                data-testid={`overview-${s.apiName}-${s.stage}`}
              >
                <TableCell>{s.apiName}</TableCell>
                <TableCell>
                  <Link href={s.href} className="font-mono text-primary hover:underline">
                    {s.stage}
                  </Link>
                </TableCell>
                <TableCell className="w-40">
                  {q.isPending ? (
                    <Skeleton className="h-8 w-36" />
                  ) : (
                    <div className="h-8 w-36" aria-label={`Requests over time for ${s.stage}`} role="img">
                      <ResponsiveContainer width="100%" height="100%">
                        <LineChart data={pts.map((p) => ({ t: p.t, count: p.count ?? 0 }))}>
                          <Line
                            dataKey="count"
                            stroke="var(--color-chart-1, #2563eb)"
                            dot={false}
                            isAnimationActive={false}
                          />
                        </LineChart>
                      </ResponsiveContainer>
                    </div>
                  )}
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {total(counts).toLocaleString("en-US")}
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {rate === null ? "—" : `${(rate * 100).toFixed(1)} %`}
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {p99s.length ? `${Math.round(Math.max(...p99s))} ms` : "—"}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
