import { describe, expect, it } from "vitest";
import { describeCheck, explainDecision, metricWindow, observation, rolloutQueries } from "./observe";

const T = Date.UTC(2026, 10, 22, 10, 0, 0);

describe("metric window", () => {
  it("starts at the minute the step started and ends after the current minute", () => {
    const w = metricWindow(T + 25_000, T + 95_000);
    expect(w.start.toISOString()).toBe("2026-11-22T10:00:00.000Z");
    expect(w.end.toISOString()).toBe("2026-11-22T10:02:00.000Z");
    expect(w.period).toBe(60);
  });
  it("looks back at most 10 minutes on a long step", () => {
    const w = metricWindow(T, T + 3600_000);
    expect(w.start.toISOString()).toBe("2026-11-22T10:50:00.000Z");
    expect(w.end.toISOString()).toBe("2026-11-22T11:00:00.000Z");
  });
  it("is at least one period long on a whole minute", () => {
    const w = metricWindow(T, T);
    expect(w.end.getTime() - w.start.getTime()).toBe(60_000);
  });
});

describe("queries and observation", () => {
  it("asks for requests, 5XX count and p99 of the canary (<stage>/Canary) and the base", () => {
    const q = rolloutQueries("shop", "prod");
    expect(q.map((x) => [x.Id, x.MetricStat.Metric.MetricName, x.MetricStat.Stat])).toEqual([
      ["c_count", "Count", "Sum"],
      ["c_err5", "5XXError", "Sum"],
      ["c_p99", "Latency", "p99"],
      ["b_count", "Count", "Sum"],
      ["b_err5", "5XXError", "Sum"],
      ["b_p99", "Latency", "p99"],
    ]);
    expect(q[0]!.MetricStat.Metric.Dimensions).toEqual([
      { Name: "ApiName", Value: "shop" },
      { Name: "Stage", Value: "prod/Canary" },
    ]);
    expect(q[3]!.MetricStat.Metric.Dimensions[1]).toEqual({ Name: "Stage", Value: "prod" });
  });
  it("sums requests and errors over the minutes and takes the worst minute's p99", () => {
    const s = (id: string, values: number[]) => ({
      id,
      timestamps: values.map((_, i) => T + i * 60_000),
      values,
    });
    expect(
      observation([
        s("c_count", [40, 60]),
        s("c_err5", [2, 3]),
        s("c_p99", [120, 310.04]),
        s("b_count", [400, 600]),
        s("b_err5", []),
        s("b_p99", []),
      ]),
    ).toEqual({
      canary: { requests: 100, errors5xx: 5, p99Ms: 310 },
      base: { requests: 1000, errors5xx: 0, p99Ms: null },
    });
  });
});

describe("decision text", () => {
  it("names the failing gate with its value and threshold", () => {
    expect(describeCheck({ gate: "5xx-rate", value: 0.2, threshold: 0.01, passed: false })).toBe(
      "Canary 5XX rate 20 % > 1 %",
    );
    expect(describeCheck({ gate: "p99-vs-base", value: 1.25, threshold: 1.5, passed: true })).toBe(
      "Canary p99 ÷ base p99 1.25× ≤ 1.50×",
    );
  });
  it("says when the noise floor, not the ratio, decided the latency comparison", () => {
    const c = { gate: "p99-vs-base", value: 1.52, threshold: 1.5 } as const;
    expect(describeCheck({ ...c, passed: true, differenceMs: 4 })).toBe(
      "Canary p99 ÷ base p99 1.52× — difference 4 ms is within the 50 ms noise floor, so not compared",
    );
    expect(describeCheck({ ...c, passed: true })).toBe(
      "Canary p99 ÷ base p99 1.52× — the difference is within the 50 ms noise floor, so not compared",
    );
    expect(describeCheck({ ...c, value: 2, passed: false, differenceMs: 150.5 })).toBe(
      "Canary p99 ÷ base p99 2.00× > 1.50× (difference 150.5 ms is over the 50 ms noise floor)",
    );
    expect(describeCheck({ ...c, value: 1.2, passed: true, differenceMs: 60 })).toBe(
      "Canary p99 ÷ base p99 1.20× ≤ 1.50×",
    );
  });
  it("explains a failed check and a hold for data in plain words", () => {
    const metrics = {
      canary: { requests: 120, errors5xx: 24, p99Ms: 20 },
      base: { requests: 900, errors5xx: 0, p99Ms: 18 },
    };
    const base = { percent: 10, failedChecks: 1, metrics, failureThreshold: 2, minRequests: 50 };
    expect(
      explainDecision({
        ...base,
        action: "hold",
        reason: "failed-check",
        checks: [{ gate: "5xx-rate", value: 0.2, threshold: 0.01, passed: false }],
      }),
    ).toBe("Failed check 1 of 2 (Canary 5XX rate 20 % > 1 %); holding at 10 %.");
    expect(explainDecision({ ...base, action: "hold", reason: "not-enough-data", checks: [] })).toBe(
      "Not enough data: 120 canary requests (at least 50 needed to judge); holding.",
    );
  });
});
