/**
 * Automated canary analysis: the pure decision at one evaluation of a running rollout. The engine (a lease-protected
 * job) reads canary and base metrics in one GetMetricData call, calls `decide`, stores the decision with the numbers
 * it was based on, and applies it with UpdateStage. Keeping the decision pure makes every rule table-testable.
 *
 * Rules, in order:
 *  1. Paused → hold.
 *  2. Fewer canary requests than `minRequests` in the window → hold ("not enough data"); not a failed check.
 *  3. Any gate fails → a failed check; at `failureThreshold` failed checks (counted over the whole rollout, not
 *     reset by healthy checks, as in Flagger) → roll back; below it → hold at the current step.
 *  4. All gates pass but the step's hold time has not elapsed → hold.
 *  5. All gates pass and the hold has elapsed: on the last step → promote, unless manual approval is required and
 *     not given (→ wait for approval); otherwise → advance to the next step.
 */

export type Gates = {
  /** Highest acceptable canary 5XX rate, as a fraction (0.01 = 1 %). */
  max5xxRate: number;
  /** Highest acceptable excess of the canary's 5XX rate over the base arm's, in fraction points (0.005 = +0.5 pp). */
  max5xxRateIncrease: number;
  /** Highest acceptable canary p99 latency, in ms. */
  maxP99Ms: number;
  /** Highest acceptable canary p99 ÷ base p99 (1.5 = 50 % slower). Skipped when the base arm has no latency data. */
  maxP99Ratio: number;
  /** Fewer canary requests than this in the window means "not enough data": the step holds. */
  minRequests: number;
};

export type Step = { percent: number; holdSeconds: number };

export type RolloutPlan = {
  steps: Step[];
  gates: Gates;
  failureThreshold: number;
  manualApproval: boolean;
};

export type RolloutState = {
  stepIndex: number;
  stepStartedAt: number; // epoch ms
  failedChecks: number;
  paused: boolean;
  approved: boolean;
};

export type ArmMetrics = { requests: number; errors5xx: number; p99Ms: number | null };
export type Observation = { canary: ArmMetrics; base: ArmMetrics };

export type GateName = "5xx-rate" | "5xx-rate-vs-base" | "p99" | "p99-vs-base";
export type Check = {
  gate: GateName;
  value: number;
  threshold: number;
  passed: boolean;
  /**
   * p99-vs-base only: canary p99 − base p99 in ms. When it is at or under the noise floor the ratio is not compared
   * (the check passes whatever the ratio), and the text says so. Absent on checks stored before it was recorded.
   */
  differenceMs?: number;
};

export type Decision =
  | {
      action: "hold";
      reason: "paused" | "not-enough-data" | "holding" | "failed-check" | "awaiting-approval";
      checks: Check[];
      failedChecks: number;
    }
  | { action: "advance"; toStep: number; percent: number; checks: Check[]; failedChecks: number }
  | { action: "promote"; checks: Check[]; failedChecks: number }
  | { action: "rollback"; checks: Check[]; failedChecks: number };

/**
 * The ratio gate ignores differences smaller than this: at millisecond latencies 2 ms against 4 ms is "2×" but is
 * noise, and would fail healthy canaries of fast APIs.
 */
export const P99_RATIO_NOISE_MS = 50;

const rate = (a: ArmMetrics) => (a.requests > 0 ? a.errors5xx / a.requests : 0);

/** The gate checks for one observation (exported for the live view, which draws the thresholds). */
export function evaluateGates(gates: Gates, o: Observation): Check[] {
  const canaryRate = rate(o.canary);
  const checks: Check[] = [
    {
      gate: "5xx-rate",
      value: canaryRate,
      threshold: gates.max5xxRate,
      passed: canaryRate <= gates.max5xxRate,
    },
    {
      gate: "5xx-rate-vs-base",
      value: canaryRate - rate(o.base),
      threshold: gates.max5xxRateIncrease,
      passed: canaryRate - rate(o.base) <= gates.max5xxRateIncrease,
    },
  ];
  if (o.canary.p99Ms !== null) {
    checks.push({
      gate: "p99",
      value: o.canary.p99Ms,
      threshold: gates.maxP99Ms,
      passed: o.canary.p99Ms <= gates.maxP99Ms,
    });
    if (o.base.p99Ms !== null && o.base.p99Ms > 0) {
      const ratio = o.canary.p99Ms / o.base.p99Ms;
      const difference = o.canary.p99Ms - o.base.p99Ms;
      checks.push({
        gate: "p99-vs-base",
        value: ratio,
        threshold: gates.maxP99Ratio,
        passed: ratio <= gates.maxP99Ratio || difference <= P99_RATIO_NOISE_MS,
        differenceMs: Math.round(difference * 10) / 10,
      });
    }
  }
  return checks;
}

export function decide(plan: RolloutPlan, state: RolloutState, o: Observation, now: number): Decision {
  const failedChecks = state.failedChecks;
  if (state.paused) return { action: "hold", reason: "paused", checks: [], failedChecks };
  if (o.canary.requests < plan.gates.minRequests)
    return { action: "hold", reason: "not-enough-data", checks: [], failedChecks };

  const checks = evaluateGates(plan.gates, o);
  if (checks.some((c) => !c.passed)) {
    const failed = failedChecks + 1;
    return failed >= plan.failureThreshold
      ? { action: "rollback", checks, failedChecks: failed }
      : { action: "hold", reason: "failed-check", checks, failedChecks: failed };
  }

  const step = plan.steps[state.stepIndex];
  if (!step) throw new Error(`rollout has no step ${state.stepIndex}`);
  if (now - state.stepStartedAt < step.holdSeconds * 1000)
    return { action: "hold", reason: "holding", checks, failedChecks };

  const next = state.stepIndex + 1;
  if (next >= plan.steps.length) {
    if (plan.manualApproval && !state.approved)
      return { action: "hold", reason: "awaiting-approval", checks, failedChecks };
    return { action: "promote", checks, failedChecks };
  }
  return { action: "advance", toStep: next, percent: plan.steps[next]!.percent, checks, failedChecks };
}

/** One-click defaults: 5 → 10 → 25 → 50 %, then promote; 1 % 5XX, +0.5 pp over base, p99 ≤ 1.5 s and ≤ 1.5× base. */
export const DEFAULT_PLAN: RolloutPlan = {
  steps: [
    { percent: 5, holdSeconds: 300 },
    { percent: 10, holdSeconds: 300 },
    { percent: 25, holdSeconds: 600 },
    { percent: 50, holdSeconds: 600 },
  ],
  gates: { max5xxRate: 0.01, max5xxRateIncrease: 0.005, maxP99Ms: 1500, maxP99Ratio: 1.5, minRequests: 50 },
  failureThreshold: 2,
  manualApproval: false,
};
