import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FakeClock } from "../clock";
import { recordApiGatewayRequest } from "./api-gateway-metrics";
import { Histogram, HISTOGRAM_RELATIVE_ERROR } from "./histogram";
import { MetricStore } from "./metric-store";
import { aggregate, parseStat, type Stat } from "./query";
import { RETENTION_MS } from "./series";

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);
const stores: MetricStore[] = [];

function newStore(dataDir = mkdtempSync(join(tmpdir(), "cw-store-")), clock = new FakeClock(T0)) {
  const store = new MetricStore({ dataDir, clock, flushIntervalMs: 0, alarmIntervalMs: 0 });
  stores.push(store);
  return { store, dataDir, clock };
}

afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

const stat = (name: string): Stat => {
  const s = parseStat(name);
  if (s === null || s === "unsupported") throw new Error(`bad stat ${name}`);
  return s;
};

describe("parseStat", () => {
  it.each([
    ["Sum", { kind: "Sum" }],
    ["SampleCount", { kind: "SampleCount" }],
    ["p99", { kind: "percentile", p: 99 }],
    ["p99.9", { kind: "percentile", p: 99.9 }],
    ["p100", { kind: "percentile", p: 100 }],
    ["p0", { kind: "percentile", p: 0 }],
  ])("parses %s", (raw, expected) => expect(parseStat(raw)).toEqual(expected));

  it.each(["p101", "sum", "P99", "p", "avg", ""])("refuses %s", (raw) => expect(parseStat(raw)).toBeNull());
  it.each(["tm99", "IQM", "TM(10%:90%)", "wm90", "PR(1:2)"])("marks %s unsupported", (raw) =>
    expect(parseStat(raw)).toBe("unsupported"),
  );
});

describe("Histogram percentiles", () => {
  it("stay within the relative error bound on skewed data", () => {
    const h = new Histogram();
    const values: number[] = [];
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 20_000; i++) {
      const v = Math.exp(3 + 1.5 * (rnd() + rnd() + rnd() - 1.5)); // lognormal-ish latencies
      values.push(v);
      h.add(v, 1);
    }
    values.sort((a, b) => a - b);
    for (const p of [1, 10, 50, 90, 99, 99.9]) {
      const exact = values[Math.ceil((p / 100) * values.length) - 1]!;
      const got = h.percentile(p)!;
      expect(Math.abs(got - exact) / exact).toBeLessThanOrEqual(HISTOGRAM_RELATIVE_ERROR + 1e-12);
    }
  });

  it("handles negatives and zero in order", () => {
    const h = new Histogram();
    for (const v of [-100, -1, 0, 0, 1, 100]) h.add(v, 1);
    expect(h.percentile(10)).toBeCloseTo(-100, -1);
    expect(h.percentile(50)).toBe(0);
    expect(h.percentile(100)).toBeCloseTo(100, -1);
    expect(Histogram.fromJSON(h.toJSON()).percentile(20)).toBeCloseTo(h.percentile(20)!, 9);
  });
});

describe("MetricStore", () => {
  it("computes each statistic per minute and merges minutes into longer periods", () => {
    const { store } = newStore();
    for (const v of [1, 2, 3, 4, 10]) store.record("Test", "m", { A: "1" }, v, { timestampMs: T0 + 10_000 });
    store.record("Test", "m", { A: "1" }, 5, { timestampMs: T0 + 70_000 });
    const s = store.find("Test", "m", [{ Name: "A", Value: "1" }])!;
    const at = (p: number, name: string) => aggregate(s, T0, T0 + 120_000, p, stat(name));
    expect(at(60, "Sum")).toEqual({ timestamps: [T0, T0 + 60_000], values: [20, 5] });
    expect(at(60, "SampleCount").values).toEqual([5, 1]);
    expect(at(60, "Average").values).toEqual([4, 5]);
    expect(at(60, "Minimum").values).toEqual([1, 5]);
    expect(at(60, "Maximum").values).toEqual([10, 5]);
    expect(at(120, "Sum")).toEqual({ timestamps: [T0], values: [25] });
    expect(at(120, "Average").values[0]).toBeCloseTo(25 / 6, 12);
    expect(at(120, "Minimum").values).toEqual([1]);
    expect(at(120, "Maximum").values).toEqual([10]);
    expect(at(120, "p100").values).toEqual([10]);
    expect(at(120, "p0").values).toEqual([1]);
  });

  it("answers percentiles over merged minutes within the error bound", () => {
    const { store } = newStore();
    const h = store.series("Test", "lat", { Api: "x" });
    for (let i = 1; i <= 1000; i++) h.add(i, T0 + (i % 10) * 60_000);
    const s = store.find("Test", "lat", { Api: "x" })!;
    for (const p of [50, 90, 99, 99.9]) {
      const got = aggregate(s, T0, T0 + 600_000, 600, stat(`p${p}`)).values[0]!;
      const exact = Math.ceil((p / 100) * 1000);
      expect(Math.abs(got - exact) / exact).toBeLessThanOrEqual(HISTOGRAM_RELATIVE_ERROR + 1e-12);
    }
  });

  it("merges minutes holding negatives and zeros for percentiles", () => {
    const { store } = newStore();
    const h = store.series("Test", "signed", undefined);
    [-50, -10, 0, 0, 10, 50, 100, -100].forEach((v, i) => h.add(v, T0 + (i % 4) * 60_000));
    const s = store.find("Test", "signed", undefined)!;
    const p = (n: number) => aggregate(s, T0, T0 + 240_000, 240, stat(`p${n}`)).values[0]!;
    expect(p(0)).toBe(-100);
    expect(p(25)).toBeCloseTo(-50, 0); // sorted: -100 -50 -10 0 0 10 50 100; rank 2 of 8
    expect(p(50)).toBe(0);
    expect(p(75)).toBeCloseTo(10, 0);
    expect(p(100)).toBe(100);
  });

  it("keeps 1-second slots for StorageResolution 1 and answers minutes otherwise", () => {
    const { store } = newStore();
    store.record("Test", "hr", undefined, 1, { timestampMs: T0 + 1_000, storageResolution: 1 });
    store.record("Test", "hr", undefined, 2, { timestampMs: T0 + 12_000, storageResolution: 1 });
    store.record("Test", "std", undefined, 3, { timestampMs: T0 + 12_000 });
    const hr = store.find("Test", "hr", undefined)!;
    expect(aggregate(hr, T0, T0 + 60_000, 10, stat("Sum"))).toEqual({
      timestamps: [T0, T0 + 10_000],
      values: [1, 2],
    });
    const std = store.find("Test", "std", undefined)!;
    expect(aggregate(std, T0, T0 + 60_000, 10, stat("Sum"))).toEqual({ timestamps: [T0], values: [3] });
  });

  it("StatisticValues answer simple statistics but no percentiles", () => {
    const { store } = newStore();
    store.recordStatistics(
      "Test",
      "agg",
      undefined,
      { sampleCount: 4, sum: 10, min: 1, max: 4 },
      { timestampMs: T0 },
    );
    const s = store.find("Test", "agg", undefined)!;
    expect(aggregate(s, T0, T0 + 60_000, 60, stat("Average")).values).toEqual([2.5]);
    expect(aggregate(s, T0, T0 + 60_000, 60, stat("p50")).values).toEqual([]);
  });

  it("persists series across a restart in day files and drops data past 15 days", async () => {
    const { store, dataDir, clock } = newStore();
    store.record("Test", "m", { A: "1" }, 7, { timestampMs: T0, unit: "Count" });
    store.record("Test", "m", { A: "1" }, 9, { timestampMs: T0 - RETENTION_MS - 60_000 });
    store.record("Test", "m", { A: "1" }, 3, { timestampMs: T0 - 86_400_000 });
    await store.close();
    expect(readdirSync(join(dataDir, "metrics")).sort()).toEqual(["2026-01-14.json", "2026-01-15.json"]);
    const { store: again } = newStore(dataDir, clock);
    const s = again.find("Test", "m", [{ Name: "A", Value: "1" }])!;
    expect(s.minutes.size).toBe(2);
    expect([...s.units]).toEqual(["Count"]);
    expect(aggregate(s, T0, T0 + 60_000, 60, stat("p50")).values[0]).toBeCloseTo(7, 0);
  });

  it("rewrites only the days that received data since the last flush", async () => {
    const { store, dataDir } = newStore();
    const h = store.series("Test", "m", { A: "1" });
    h.add(1, T0 - 86_400_000);
    h.add(1, T0);
    await store.flush();
    const yesterday = join(dataDir, "metrics", "2026-01-14.json");
    const before = readFileSync(yesterday, "utf8");
    writeFileSync(yesterday, before.replace('"version":1', '"version":1 '));
    h.add(2, T0 + 60_000);
    await store.flush();
    expect(readFileSync(yesterday, "utf8")).toContain('"version":1 '); // not rewritten: our marker is still there
    expect(
      JSON.parse(readFileSync(join(dataDir, "metrics", "2026-01-15.json"), "utf8")).series[0].m,
    ).toHaveLength(2);
  });

  it("records API Gateway request metrics under every dimension set", () => {
    const { store } = newStore();
    const base = {
      apiName: "payments",
      stage: "prod",
      resource: "/pay",
      method: "POST",
      latencyMs: 20,
      integrationLatencyMs: 15,
      timestampMs: T0,
    };
    recordApiGatewayRequest(store, { ...base, detailed: true, status: 200 });
    recordApiGatewayRequest(store, { ...base, detailed: true, status: 404 });
    recordApiGatewayRequest(store, { ...base, detailed: false, status: 503, latencyMs: 40 });
    recordApiGatewayRequest(store, {
      ...base,
      detailed: false,
      status: 429,
      latencyMs: 1,
      integrationLatencyMs: undefined,
    });
    const sum = (name: string, dims: Record<string, string>, st = "Sum") =>
      aggregate(store.find("AWS/ApiGateway", name, dims)!, T0, T0 + 60_000, 60, stat(st)).values[0];
    const sets: Array<Record<string, string>> = [
      { ApiName: "payments" },
      { ApiName: "payments", Stage: "prod" },
    ];
    for (const dims of sets) {
      expect(sum("Count", dims, "SampleCount")).toBe(4);
      expect(sum("4XXError", dims)).toBe(2);
      expect(sum("5XXError", dims)).toBe(1);
      expect(sum("5XXError", dims, "Average")).toBeCloseTo(1 / 4, 12);
      expect(sum("Latency", dims, "Maximum")).toBe(40);
      expect(sum("Latency", dims, "Minimum")).toBe(1);
      expect(sum("IntegrationLatency", dims, "SampleCount")).toBe(3);
    }
    const detailed = { ApiName: "payments", Method: "POST", Resource: "/pay", Stage: "prod" };
    expect(sum("Count", detailed, "SampleCount")).toBe(2);
    expect([...store.find("AWS/ApiGateway", "Latency", detailed)!.units]).toEqual(["Milliseconds"]);
  });
});
