import { describe, expect, it } from "vitest";
import { DEFAULT_COST_SETTINGS as S, accountMonthCost, allocate } from "./cost";

describe("cost-to-serve", () => {
  it.each([
    // REST: 1 M × $3.50 = 350 cents.
    ["1 M REST requests", 1_000_000, S, 350n],
    // 333 M × 3.50 + 67 M × 2.80 = 116,550 + 18,760 = 135,310 cents.
    ["400 M REST requests cross the first tier", 400_000_000, S, 135_310n],
    // HTTP: 300 M × 1.00 + 100 M × 0.90 = 30,000 + 9,000.
    ["400 M HTTP requests", 400_000_000, { ...S, apiType: "HTTP" as const }, 39_000n],
    // Cache 744 h × $0.020 = $14.88 plus 0 requests.
    ["a 0.5 GB cache all of a 31-day month", 0, { ...S, cacheHoursPerMonth: 744 }, 1_488n],
  ])("%s", (_n, requests, settings, want) => expect(accountMonthCost(requests, settings)).toBe(want));

  it("allocates by share of requests, rounding half up", () => {
    expect([allocate(1000n, 1, 3), allocate(1000n, 2, 3), allocate(5n, 1, 2), allocate(7n, 0, 0)]).toEqual([
      333n,
      667n,
      3n,
      0n,
    ]);
  });
});
