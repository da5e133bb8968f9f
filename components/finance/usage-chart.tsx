"use client";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const compact = new Intl.NumberFormat("en-US", { notation: "compact" });

/** Requests per period as bars; the table next to it carries the exact numbers. */
export function UsageChart({ data, label }: { data: { period: string; requests: number }[]; label: string }) {
  return (
    <figure aria-label={label} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
          <XAxis dataKey="period" fontSize={12} />
          <YAxis tickFormatter={(v: number) => compact.format(v)} fontSize={12} width={48} />
          <Tooltip formatter={(v) => [Number(v).toLocaleString("en-US"), "Requests"]} />
          <Bar dataKey="requests" fill="var(--color-primary)" radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
