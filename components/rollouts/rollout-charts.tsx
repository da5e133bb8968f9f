"use client";
import { ARM_COLORS, TimeLineChart } from "@/components/metrics/time-line-chart";
import type { DecisionDto, RolloutDto } from "@/lib/canary/types";
import { chartPoints } from "./chart-points";

const hhmmss = (t: number) => new Date(t).toISOString().slice(11, 19);

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
      <TimeLineChart
        title="5XX error rate"
        unit="% of requests"
        data={data}
        formatTime={hhmmss}
        connectNulls
        lines={[
          { key: "base5xx", name: "base", color: ARM_COLORS.base },
          { key: "canary5xx", name: "canary", color: ARM_COLORS.canary, dashed: true },
        ]}
        threshold={{ y: gates.max5xxRate * 100, label: `gate ${gates.max5xxRate * 100} %` }}
      />
      <TimeLineChart
        title="p99 latency"
        unit="ms"
        data={data}
        formatTime={hhmmss}
        connectNulls
        lines={[
          { key: "baseP99", name: "base", color: ARM_COLORS.base },
          { key: "canaryP99", name: "canary", color: ARM_COLORS.canary, dashed: true },
        ]}
        threshold={{ y: gates.maxP99Ms, label: `gate ${gates.maxP99Ms} ms` }}
      />
      <TimeLineChart
        title="Canary requests per evaluation"
        unit="requests in the window"
        data={data}
        formatTime={hhmmss}
        connectNulls
        lines={[{ key: "canaryRequests", name: "canary", color: ARM_COLORS.canary }]}
        threshold={{ y: gates.minRequests, label: `minimum ${gates.minRequests}` }}
      />
    </div>
  );
}
