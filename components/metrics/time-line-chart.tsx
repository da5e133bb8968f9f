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

/** The two arms of a canary, in the same colours on every screen. */
export const ARM_COLORS = {
  base: "var(--color-chart-1, #2563eb)",
  canary: "var(--color-chart-2, #f97316)",
} as const;
const GATE = "var(--color-destructive, #dc2626)";

export type ChartLine = {
  key: string;
  name: string;
  color: string;
  dashed?: boolean;
  /** Draw a dot at each value (off for dense series such as counts). */
  dots?: boolean;
};
export type ChartRow = { t: number } & Record<string, number | null>;

/**
 * A captioned line chart over time (`t` in ms): one line per series, optionally a red dashed threshold. Gaps
 * (null) stay gaps unless `connectNulls`.
 */
export function TimeLineChart({
  title,
  unit,
  data,
  lines,
  formatTime,
  threshold,
  connectNulls = false,
}: {
  title: string;
  unit: string;
  data: readonly ChartRow[];
  lines: readonly ChartLine[];
  formatTime: (t: number) => string;
  threshold?: { y: number; label: string };
  connectNulls?: boolean;
}) {
  return (
    <figure className="flex flex-col gap-1" aria-label={title}>
      <figcaption className="text-sm font-medium">
        {title} <span className="text-xs font-normal text-muted-foreground">({unit})</span>
      </figcaption>
      <div className="h-48">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={data as ChartRow[]}
            margin={{ top: threshold ? 12 : 4, right: 8, bottom: 0, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
            <XAxis dataKey="t" tickFormatter={formatTime} fontSize={11} minTickGap={24} />
            <YAxis fontSize={11} width={44} />
            <Tooltip labelFormatter={(t) => `${formatTime(Number(t))} UTC`} />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            {threshold ? (
              <ReferenceLine
                y={threshold.y}
                stroke={GATE}
                strokeDasharray="6 3"
                ifOverflow="extendDomain"
                label={{ value: threshold.label, position: "insideTopRight", fontSize: 11, fill: GATE }}
              />
            ) : null}
            {lines.map((l) => (
              <Line
                key={l.key}
                dataKey={l.key}
                name={l.name}
                stroke={l.color}
                strokeDasharray={l.dashed ? "4 3" : undefined}
                dot={l.dots === false ? false : { r: 1.5 }}
                isAnimationActive={false}
                connectNulls={connectNulls}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
