import { describe, expect, it } from "vitest";
import type { DecisionDto } from "@/lib/canary/types";
import { chartPoints } from "./chart-points";

const decision = (at: string, metrics: DecisionDto["metrics"], action: DecisionDto["action"] = "hold") =>
  ({
    id: at,
    at,
    stepIndex: 0,
    percent: 10,
    action,
    reason: "holding",
    explanation: "",
    actorEmail: "system",
    metrics,
    checks: [],
    failedChecks: 0,
    applied: [],
  }) satisfies DecisionDto;

const window = { start: "2026-12-02T10:00:00.000Z", end: "2026-12-02T10:01:00.000Z" };

describe("chartPoints", () => {
  it("turns each evaluation's metrics into one point, oldest first, leaving out decisions without metrics", () => {
    // The log arrives newest first.
    const points = chartPoints([
      decision("2026-12-02T10:00:20.000Z", {
        canary: { requests: 40, errors5xx: 8, p99Ms: 120 },
        base: { requests: 160, errors5xx: 1, p99Ms: 80 },
        window,
      }),
      decision("2026-12-02T10:00:15.000Z", null, "pause"),
      decision("2026-12-02T10:00:10.000Z", {
        canary: { requests: 3, errors5xx: 0, p99Ms: null },
        base: { requests: 0, errors5xx: 0, p99Ms: null },
        window,
      }),
      decision("2026-12-02T10:00:00.000Z", null, "start"),
    ]);
    expect(points).toEqual([
      {
        t: Date.parse("2026-12-02T10:00:10.000Z"),
        canary5xx: 0,
        base5xx: null, // no base requests: no rate, rather than a misleading 0 %
        canaryP99: null,
        baseP99: null,
        canaryRequests: 3,
      },
      {
        t: Date.parse("2026-12-02T10:00:20.000Z"),
        canary5xx: 20,
        base5xx: 0.63, // 1 of 160, rounded to two decimals
        canaryP99: 120,
        baseP99: 80,
        canaryRequests: 40,
      },
    ]);
  });

  it("has no points before the first evaluation", () => {
    expect(chartPoints([decision("2026-12-02T10:00:00.000Z", null, "start")])).toEqual([]);
  });
});
