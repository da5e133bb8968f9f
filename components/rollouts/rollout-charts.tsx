"use client";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { DecisionDto, RolloutDto } from "@/lib/canary/types";
import { chartPoints, type Point } from "./chart-points";

const BASE = "var(--color-chart-1, #2563eb)";
const CANARY = "var(--color-chart-3, #f59e0b)";
const GATE = "var(--color-destructive, #dc2626)";

const hhmmss = (t: number) => new Date(t).toISOString().slice(11, 19);

function Chart({
  title,
  unit,
  data,
  lines,
  gate,
}: {
  title: string;
  unit: string;
  data: readonly Point[];
  lines: readonly { key: keyof Point; name: string; color: string; dashed?: boolean }[];
  gate?: { y: number; label: string };
}) {
  return (
    <figure className="flex flex-col gap-1" aria-label={title}>
      <figcaption className="text-sm font-medium">
        {title} <span className="text-xs font-normal text-muted-foreground">({unit})</span>
      </figcaption>
      <div className="h-48">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data as Point[]} margin={{ top: 12, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
            <XAxis dataKey="t" tickFormatter={hhmmss} fontSize={11} minTickGap={24} />
            <YAxis fontSize={11} width={44} />
            <Tooltip labelFormatter={(t) => `${hhmmss(Number(t))} UTC`} />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            {gate ? (
              <ReferenceLine
                y={gate.y}
                stroke={GATE}
                strokeDasharray="6 3"
                ifOverflow="extendDomain"
                label={{ value: gate.label, position: "insideTopRight", fontSize: 11, fill: GATE }}
              />
            ) : null}
            {lines.map((l) => (
              <Line
                key={l.key}
                dataKey={l.key}
                name={l.name}
                stroke={l.color}
                strokeDasharray={l.dashed ? "4 3" : undefined}
                dot={{ r: 2 }}
                isAnimationActive={false}
                connectNulls
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/**
 * Charts of what the engine saw at each evaluation (not a separate CloudWatch read), with the gate thresholds drawn
 * as red dashed lines: a canary line above one of them is a failed check.
 */
export function RolloutCharts({
  rollout,
  decisions,
}: {
  rollout: RolloutDto;
  decisions: readonly DecisionDto[];
}) {
  const data = chartPoints(decisions);
  if (data.length === 0)
    return (
      <p className="text-sm text-muted-foreground">
        No evaluations yet: the first one runs {rollout.evaluationSeconds} seconds after the start, and the
        charts fill in from there.
      </p>
    );
  const { gates } = rollout.plan;
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Chart
        title="5XX error rate"
        unit="% of requests"
        data={data}
        lines={[
          { key: "base5xx", name: "base", color: BASE },
          { key: "canary5xx", name: "canary", color: CANARY, dashed: true },
        ]}
        gate={{ y: gates.max5xxRate * 100, label: `gate ${gates.max5xxRate * 100} %` }}
      />
      <Chart
        title="p99 latency"
        unit="ms"
        data={data}
        lines={[
          { key: "baseP99", name: "base", color: BASE },
          { key: "canaryP99", name: "canary", color: CANARY, dashed: true },
        ]}
        gate={{ y: gates.maxP99Ms, label: `gate ${gates.maxP99Ms} ms` }}
      />
      <Chart
        title="Canary requests per evaluation"
        unit="requests in the window"
        data={data}
        lines={[{ key: "canaryRequests", name: "canary", color: CANARY }]}
        gate={{ y: gates.minRequests, label: `minimum ${gates.minRequests}` }}
      />
    </div>
  );
}
