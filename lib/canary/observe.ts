import { stageQueries, type MetricQuery, type SeriesData } from "@/lib/metrics/queries";
import { canaryStageName } from "@/lib/aws/canary";
import { P99_RATIO_NOISE_MS, type ArmMetrics, type Check, type Observation } from "./analysis";

/**
 * Pure pieces of one evaluation: the metric window, the six GetMetricData queries (requests, 5XX count and p99 for
 * the canary `<stage>/Canary` and the base `<stage>`) and their reduction to an Observation.
 */

/** API Gateway publishes one-minute metrics; a gate is judged on at most the last 10 minutes of the current step. */
export const LOOKBACK_SECONDS = 600;
const PERIOD = 60;

/** From the minute the step started (or 10 minutes back) to the end of the current minute. */
export function metricWindow(
  stepStartedAt: number,
  nowMs: number,
): { start: Date; end: Date; period: number } {
  const from = Math.max(stepStartedAt, nowMs - LOOKBACK_SECONDS * 1000) / 1000;
  const start = Math.floor(from / PERIOD) * PERIOD;
  const end = Math.max(Math.ceil(nowMs / 1000 / PERIOD) * PERIOD, start + PERIOD);
  return { start: new Date(start * 1000), end: new Date(end * 1000), period: PERIOD };
}

/** 5XXError with Sum is the number of 5XX answers (its Average is the rate). */
export function rolloutQueries(apiName: string, stage: string): MetricQuery[] {
  const arm = (prefix: string, s: string) =>
    stageQueries({ kind: "REST", api: apiName, stage: s }, prefix, PERIOD, ["count", "err5", "p99"]).map(
      (q) => (q.Id.endsWith("_err5") ? { ...q, MetricStat: { ...q.MetricStat, Stat: "Sum" } } : q),
    );
  return [...arm("c", canaryStageName(stage)), ...arm("b", stage)];
}

const sum = (s: SeriesData | undefined) => (s ? s.values.reduce((a, v) => a + v, 0) : 0);

function arm(series: readonly SeriesData[], prefix: string): ArmMetrics {
  const get = (name: string) => series.find((s) => s.id === `${prefix}_${name}`);
  const p99 = get("p99")?.values ?? [];
  return {
    requests: Math.round(sum(get("count"))),
    errors5xx: Math.round(sum(get("err5"))),
    // The worst minute's p99: a conservative reading of the window (percentiles of minutes cannot be merged).
    p99Ms: p99.length > 0 ? Math.round(Math.max(...p99) * 10) / 10 : null,
  };
}

export function observation(series: readonly SeriesData[]): Observation {
  return { canary: arm(series, "c"), base: arm(series, "b") };
}

const pct = (f: number) => `${(f * 100).toFixed(2).replace(/\.?0+$/, "")} %`;

export const GATE_LABELS: Record<Check["gate"], string> = {
  "5xx-rate": "Canary 5XX rate",
  "5xx-rate-vs-base": "5XX rate above the base",
  p99: "Canary p99 latency",
  "p99-vs-base": "Canary p99 ÷ base p99",
};

/**
 * "Canary 5XX rate 20 % > 1 %": the value, and the rule that decided the check (for the ratio gate that may be the
 * noise floor rather than the ratio's threshold).
 */
export function describeCheck(c: Check): string {
  const fmt = (v: number) =>
    c.gate === "p99"
      ? `${Math.round(v)} ms`
      : c.gate === "p99-vs-base"
        ? `${v.toFixed(2)}×`
        : c.gate === "5xx-rate-vs-base"
          ? `${(v * 100).toFixed(2).replace(/\.?0+$/, "")} pp`
          : pct(v);
  const label = `${GATE_LABELS[c.gate]} ${fmt(c.value)}`;
  if (c.gate === "p99-vs-base") {
    const diff = c.differenceMs === undefined ? "the difference" : `difference ${formatMs(c.differenceMs)}`;
    // The noise floor decided this check, not the ratio: say so instead of "1.52× ≤ 1.50×".
    if (c.passed && c.value > c.threshold)
      return `${label} — ${diff} is within the ${P99_RATIO_NOISE_MS} ms noise floor, so not compared`;
    if (!c.passed)
      return `${label} > ${fmt(c.threshold)} (${diff} is over the ${P99_RATIO_NOISE_MS} ms noise floor)`;
  }
  return `${label} ${c.passed ? "≤" : ">"} ${fmt(c.threshold)}`;
}

const formatMs = (ms: number) => `${Number.isInteger(ms) ? ms : ms.toFixed(1)} ms`;

/** One sentence for the decision log. */
export function explainDecision(d: {
  action: string;
  reason: string;
  percent: number;
  checks: Check[];
  failedChecks: number;
  metrics: Observation | null;
  failureThreshold: number;
  minRequests: number;
}): string {
  const failed = d.checks.filter((c) => !c.passed).map(describeCheck);
  const seen = d.metrics ? `${d.metrics.canary.requests} canary requests` : "";
  switch (d.action) {
    case "start":
      return `Started: ${d.percent} % of requests go to the canary.`;
    case "advance":
      return `Healthy (${seen}, every gate passed): advanced to ${d.percent} %.`;
    case "promote":
      return d.reason === "operator"
        ? "Promoted by an operator: the canary's deployment now serves all requests."
        : `Healthy on the last step (${seen}): promoted — the canary's deployment now serves all requests.`;
    case "rollback":
      return d.reason === "operator"
        ? "Rolled back by an operator: all requests go to the base deployment again."
        : `Rolled back after ${d.failedChecks} failed checks (${failed.join("; ")}): all requests go to the base deployment again.`;
    case "pause":
      return "Paused by an operator: no decisions until resumed.";
    case "resume":
      return "Resumed by an operator.";
    case "approve":
      return "Promotion approved by an operator.";
    case "fail":
      return `Stopped: ${d.reason}`;
    default:
      break;
  }
  switch (d.reason) {
    case "not-enough-data":
      return `Not enough data: ${seen} (at least ${d.minRequests} needed to judge); holding.`;
    case "failed-check":
      return `Failed check ${d.failedChecks} of ${d.failureThreshold} (${failed.join("; ")}); holding at ${d.percent} %.`;
    case "awaiting-approval":
      return `Healthy on the last step (${seen}); waiting for an operator to approve the promotion.`;
    case "paused":
      return "Paused.";
    default:
      return `Healthy (${seen}); holding at ${d.percent} % until the step's hold time has passed.`;
  }
}
