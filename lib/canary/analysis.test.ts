import { describe, expect, it } from "vitest";
import {
  decide,
  DEFAULT_PLAN,
  evaluateGates,
  P99_RATIO_NOISE_MS,
  type Observation,
  type RolloutPlan,
  type RolloutState,
} from "./analysis";

const plan: RolloutPlan = {
  steps: [
    { percent: 5, holdSeconds: 60 },
    { percent: 25, holdSeconds: 60 },
    { percent: 50, holdSeconds: 60 },
  ],
  gates: { max5xxRate: 0.02, max5xxRateIncrease: 0.01, maxP99Ms: 800, maxP99Ratio: 1.5, minRequests: 100 },
  failureThreshold: 2,
  manualApproval: false,
};
const T0 = 1_700_000_000_000;
const state = (s: Partial<RolloutState> = {}): RolloutState => ({
  stepIndex: 0,
  stepStartedAt: T0,
  failedChecks: 0,
  paused: false,
  approved: false,
  ...s,
});
const obs = (
  canary: Partial<Observation["canary"]> = {},
  base: Partial<Observation["base"]> = {},
): Observation => ({
  canary: { requests: 500, errors5xx: 0, p99Ms: 200, ...canary },
  base: { requests: 5000, errors5xx: 5, p99Ms: 180, ...base },
});
const after = (s: number) => T0 + s * 1000;

describe("decide: the table of cases", () => {
  it.each([
    [
      "healthy, hold elapsed → advance",
      plan,
      state(),
      obs(),
      after(61),
      { action: "advance", toStep: 1, percent: 25 },
    ],
    [
      "healthy, hold not elapsed → hold",
      plan,
      state(),
      obs(),
      after(30),
      { action: "hold", reason: "holding" },
    ],
    [
      "5XX above the absolute gate → failed check",
      plan,
      state(),
      obs({ errors5xx: 50 }),
      after(61),
      { action: "hold", reason: "failed-check", failedChecks: 1 },
    ],
    [
      "5XX above base by more than allowed → failed check",
      plan,
      state(),
      obs({ errors5xx: 8 }, { errors5xx: 0 }),
      after(61),
      { action: "hold", reason: "failed-check", failedChecks: 1 },
    ],
    [
      "p99 above the absolute gate → failed check",
      plan,
      state(),
      obs({ p99Ms: 900 }),
      after(61),
      { action: "hold", reason: "failed-check" },
    ],
    [
      "p99 slower than 1.5× base → failed check",
      plan,
      state(),
      obs({ p99Ms: 300 }, { p99Ms: 150 }),
      after(61),
      { action: "hold", reason: "failed-check" },
    ],
    [
      "too few requests → hold, not a failure",
      plan,
      state({ failedChecks: 1 }),
      obs({ requests: 99, errors5xx: 99 }),
      after(61),
      { action: "hold", reason: "not-enough-data", failedChecks: 1 },
    ],
    [
      "failure threshold reached → roll back",
      plan,
      state({ failedChecks: 1 }),
      obs({ errors5xx: 100 }),
      after(61),
      { action: "rollback", failedChecks: 2 },
    ],
    ["last step healthy → promote", plan, state({ stepIndex: 2 }), obs(), after(61), { action: "promote" }],
    [
      "manual gate waiting → hold",
      { ...plan, manualApproval: true },
      state({ stepIndex: 2 }),
      obs(),
      after(61),
      { action: "hold", reason: "awaiting-approval" },
    ],
    [
      "manual gate approved → promote",
      { ...plan, manualApproval: true },
      state({ stepIndex: 2, approved: true }),
      obs(),
      after(61),
      { action: "promote" },
    ],
    [
      "paused → hold, even when failing",
      plan,
      state({ paused: true, failedChecks: 1 }),
      obs({ errors5xx: 500 }),
      after(61),
      { action: "hold", reason: "paused", failedChecks: 1 },
    ],
    [
      "healthy checks do not reset earlier failures",
      plan,
      state({ failedChecks: 1 }),
      obs(),
      after(61),
      { action: "advance", failedChecks: 1 },
    ],
  ] as const)("%s", (_name, p, s, o, now, expected) => {
    expect(decide(p, s, o, now)).toMatchObject(expected);
  });
});

describe("gates", () => {
  it("reports each gate with its value and threshold, at the exact edges passing", () => {
    const checks = evaluateGates(
      plan.gates,
      obs({ requests: 100, errors5xx: 2, p99Ms: 800 }, { requests: 100, errors5xx: 1, p99Ms: 800 / 1.5 }),
    );
    expect(checks).toEqual([
      { gate: "5xx-rate", value: 0.02, threshold: 0.02, passed: true },
      { gate: "5xx-rate-vs-base", value: 0.01, threshold: 0.01, passed: true },
      { gate: "p99", value: 800, threshold: 800, passed: true },
      {
        gate: "p99-vs-base",
        value: expect.closeTo(1.5, 9),
        threshold: 1.5,
        passed: true,
        differenceMs: 266.7,
      },
    ]);
  });

  it("fails the ratio only when the canary is also noticeably slower (noise floor)", () => {
    const ratio = (c: number, b: number) =>
      evaluateGates(plan.gates, obs({ p99Ms: c }, { p99Ms: b })).find((x) => x.gate === "p99-vs-base");
    // 4 ms against 2 ms is 2× but 2 ms apart: passes.
    expect(ratio(4, 2)).toMatchObject({ value: 2, passed: true, differenceMs: 2 });
    // 300 ms against 150 ms is 2× and 150 ms apart: fails.
    expect(ratio(300, 150)).toMatchObject({ value: 2, passed: false });
    expect(ratio(2 + P99_RATIO_NOISE_MS + 1, 2)?.passed).toBe(false);
  });

  it("skips latency gates without latency data, and the ratio without a base", () => {
    expect(evaluateGates(plan.gates, obs({ p99Ms: null })).map((c) => c.gate)).toEqual([
      "5xx-rate",
      "5xx-rate-vs-base",
    ]);
    expect(evaluateGates(plan.gates, obs({}, { p99Ms: null })).map((c) => c.gate)).toEqual([
      "5xx-rate",
      "5xx-rate-vs-base",
      "p99",
    ]);
  });

  it("has one-click defaults that step up to 50 % and then promote", () => {
    expect(DEFAULT_PLAN.steps.map((s) => s.percent)).toEqual([5, 10, 25, 50]);
    const last = state({ stepIndex: DEFAULT_PLAN.steps.length - 1 });
    expect(decide(DEFAULT_PLAN, last, obs({ p99Ms: 100 }, { p99Ms: 100 }), after(601)).action).toBe(
      "promote",
    );
  });
});
