import { describe, expect, it } from "vitest";
import { assertOneCall, queryId, RANGES, stageQueries, timeWindow, toPoints, weightedRate } from "./queries";

describe("stage metric queries", () => {
  it("REST: requests, 4XX/5XX rates, latency p50/p90/p99 and integration latency, by ApiName+Stage", () => {
    const q = stageQueries({ kind: "REST", api: "payments", stage: "prod/Canary" }, "c", 60);
    expect(q.map((x) => [x.Id, x.MetricStat.Metric.MetricName, x.MetricStat.Stat])).toEqual([
      ["c_count", "Count", "Sum"],
      ["c_err4", "4XXError", "Average"],
      ["c_err5", "5XXError", "Average"],
      ["c_p50", "Latency", "p50"],
      ["c_p90", "Latency", "p90"],
      ["c_p99", "Latency", "p99"],
      ["c_ilat", "IntegrationLatency", "p99"],
    ]);
    expect(q[0]!.MetricStat.Metric.Dimensions).toEqual([
      { Name: "ApiName", Value: "payments" },
      { Name: "Stage", Value: "prod/Canary" },
    ]);
    expect(
      q.every((x) => x.MetricStat.Period === 60 && x.MetricStat.Metric.Namespace === "AWS/ApiGateway"),
    ).toBe(true);
  });
  it("HTTP: ApiId and lowercase 4xx/5xx", () => {
    const q = stageQueries({ kind: "HTTP", api: "h1", stage: "$default" }, "b", 300, ["err4", "err5"]);
    expect(q.map((x) => x.MetricStat.Metric.MetricName)).toEqual(["4xx", "5xx"]);
    expect(q[0]!.MetricStat.Metric.Dimensions[0]).toEqual({ Name: "ApiId", Value: "h1" });
  });
  it("ids start with a lowercase letter", () => {
    expect(queryId("s12", "p99")).toBe("s12_p99");
    expect(() => queryId("1s", "p99")).toThrow();
    expect(() => queryId("S", "p99")).toThrow();
  });
  it("up to 500 series fit one call; 501 or duplicate ids do not", () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        stageQueries({ kind: "REST", api: "a", stage: `s${i}` }, `s${i}`, 60, ["count"]),
      ).flat();
    expect(() => assertOneCall(many(500))).not.toThrow();
    expect(() => assertOneCall(many(501))).toThrow(/at most 500/);
    expect(() => assertOneCall([...many(1), ...many(1)])).toThrow(/duplicate/);
  });
});

describe("windows and points", () => {
  it.each([
    ["1h", 60, 60],
    ["6h", 300, 72],
    ["24h", 900, 96],
    ["7d", 3600, 168],
  ] as const)("%s: period %i s, %i buckets ending at the next whole period", (range, period, buckets) => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 30);
    const w = timeWindow(range, now);
    expect(w.period).toBe(period);
    expect((w.end.getTime() - w.start.getTime()) / 1000).toBe(RANGES[range].seconds);
    expect(w.end.getTime()).toBeGreaterThanOrEqual(now);
    expect(w.end.getTime() % (period * 1000)).toBe(0);
    expect(toPoints([], w)).toHaveLength(buckets);
  });
  it("merges series by timestamp with null gaps", () => {
    const w = { start: new Date(0), end: new Date(180_000), period: 60 };
    const pts = toPoints(
      [
        { id: "b_count", timestamps: [0, 120_000], values: [5, 7] },
        { id: "c_count", timestamps: [60_000], values: [1] },
      ],
      w,
    );
    expect(pts).toEqual([
      { t: 0, b_count: 5, c_count: null },
      { t: 60_000, b_count: null, c_count: 1 },
      { t: 120_000, b_count: 7, c_count: null },
    ]);
  });
  it("weights error rates by requests", () => {
    expect(weightedRate([10, 30, null], [0.5, 0, 1])).toBeCloseTo(5 / 40);
    expect(weightedRate([null, 0], [1, 1])).toBeNull();
  });
});
