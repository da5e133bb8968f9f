import { describe, expect, it } from "vitest";
import type { MetricPoint } from "@/lib/metrics/queries";
import { canaryHealth } from "./compare";

const T = Date.UTC(2026, 11, 1, 10, 0, 0);
/** n one-minute points with the same base and canary figures each minute. */
const minutes = (
  n: number,
  base: { count: number; err5: number | null; p99: number | null },
  canary: { count: number; err5: number | null; p99: number | null },
): MetricPoint[] =>
  Array.from({ length: n }, (_, i) => ({
    t: T + i * 60_000,
    b_count: base.count,
    b_err5: base.err5,
    b_p99: base.p99,
    c_count: canary.count,
    c_err5: canary.err5,
    c_p99: canary.p99,
  }));

describe("canary health (the rollout gates over the chart points)", () => {
  it("flags a canary at 17.5 % 5XX against 0 % on the base", () => {
    const h = canaryHealth(
      minutes(10, { count: 100, err5: 0, p99: 20 }, { count: 20, err5: 0.175, p99: 22 }),
    );
    expect(h.state).toBe("worse");
    if (h.state !== "worse") return;
    expect(h.failed.map((c) => c.gate)).toEqual(["5xx-rate", "5xx-rate-vs-base"]);
    expect(h.observation.canary).toEqual({ requests: 200, errors5xx: 35, p99Ms: 22 });
  });

  it("passes a canary like its base, and applies the latency noise floor as the gates do", () => {
    const h = canaryHealth(minutes(10, { count: 100, err5: 0, p99: 2 }, { count: 20, err5: 0, p99: 4 }));
    expect(h.state).toBe("healthy");
  });

  it("fails a canary that is much slower than its base", () => {
    const h = canaryHealth(minutes(10, { count: 100, err5: 0, p99: 200 }, { count: 20, err5: 0, p99: 400 }));
    expect(h.state === "worse" && h.failed.map((c) => c.gate)).toEqual(["p99-vs-base"]);
  });

  it("judges only the last 10 minutes, and holds back below the minimum of requests", () => {
    const old = minutes(50, { count: 100, err5: 0, p99: 20 }, { count: 20, err5: 0.5, p99: 20 });
    const recent = minutes(10, { count: 100, err5: 0, p99: 20 }, { count: 20, err5: 0, p99: 20 });
    expect(canaryHealth([...old, ...recent]).state).toBe("healthy");
    expect(
      canaryHealth(minutes(10, { count: 100, err5: 0, p99: 20 }, { count: 4, err5: 1, p99: 20 })),
    ).toEqual({ state: "not-enough-data", requests: 40, minRequests: 50 });
    expect(canaryHealth([])).toMatchObject({ state: "not-enough-data", requests: 0 });
  });
});
