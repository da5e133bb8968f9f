import { describe, expect, it } from "vitest";
import { dayRange, forecast, quotaPeriodOf } from "./usage-math";

describe("quotaPeriodOf", () => {
  it("follows API Gateway's UTC day, week (offset = weekday) and month (offset = day - 1) periods", () => {
    expect(quotaPeriodOf({ period: "DAY", offset: 0 }, "2026-03-15")).toEqual({
      start: "2026-03-15",
      end: "2026-03-16",
    });
    // 2026-03-15 is a Sunday; offset 1 = weeks start on Monday.
    expect(quotaPeriodOf({ period: "WEEK", offset: 1 }, "2026-03-15")).toEqual({
      start: "2026-03-09",
      end: "2026-03-16",
    });
    expect(quotaPeriodOf({ period: "MONTH", offset: 0 }, "2026-12-31")).toEqual({
      start: "2026-12-01",
      end: "2027-01-01",
    });
    expect(quotaPeriodOf({ period: "MONTH", offset: 19 }, "2026-01-05")).toEqual({
      start: "2025-12-20",
      end: "2026-01-20",
    });
  });
});

describe("forecast", () => {
  const daily = new Map(dayRange("2026-03-01", "2026-03-14").map((d) => [d, 100]));
  it("names the day the quota runs out at the recent rate", () => {
    // 1,000 left at 100 a day → 10 days after the 15th.
    expect(forecast(2000, 3000, daily, "2026-03-15", "2026-04-01")).toEqual({
      kind: "runs-out",
      day: "2026-03-25",
    });
  });
  it("says the quota lasts when it runs out only after the reset, and handles exhausted and idle keys", () => {
    expect(forecast(2000, 5000, daily, "2026-03-15", "2026-04-01")).toEqual({ kind: "lasts" });
    expect(forecast(3000, 3000, daily, "2026-03-15", "2026-04-01")).toEqual({ kind: "exhausted" });
    expect(forecast(0, 3000, new Map(), "2026-03-15", "2026-04-01")).toEqual({ kind: "no-traffic" });
  });
});
