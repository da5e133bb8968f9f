import { describe, expect, it } from "vitest";
import { growthPercent, monthOverMonth, monthTotals, monthsBetween, tenantUsage } from "./usage-report";

describe("usage report shaping", () => {
  it("lists months across a year end", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });
  it("computes month-over-month growth", () => {
    expect([
      growthPercent(100, 150),
      growthPercent(200, 100),
      growthPercent(0, 5),
      growthPercent(3, 4),
    ]).toEqual([50, -50, null, 33]);
  });
  it("groups by tenant, sorts top tenants first, and totals months", () => {
    const rows = [
      { month: "2026-01", tenantId: "a", requests: 100 },
      { month: "2026-02", tenantId: "a", requests: 150 },
      { month: "2026-02", tenantId: "b", requests: 400 },
      { month: "2026-02", tenantId: null, requests: 7 },
    ];
    const names: Record<string, string> = { a: "Acme", b: "Globex" };
    const t = tenantUsage(rows, ["2026-01", "2026-02"], (id) => (id ? names[id]! : "No tenant"));
    expect(t.map((x) => [x.tenantName, x.total, x.growth])).toEqual([
      ["Globex", 400, null],
      ["Acme", 250, 50],
      ["No tenant", 7, null],
    ]);
    expect(monthTotals(rows, ["2026-01", "2026-02"])).toEqual([
      { period: "2026-01", requests: 100 },
      { period: "2026-02", requests: 557 },
    ]);
  });
});

describe("month over month, like with like", () => {
  const days = (month: string, perDay: number[]) =>
    perDay.map((requests, i) => ({ day: `${month}-${String(i + 1).padStart(2, "0")}`, requests }));
  const nov = days(
    "2026-11",
    Array.from({ length: 30 }, () => 100),
  );
  it("compares the days so far of a month under way with the same days of the month before", () => {
    expect(
      monthOverMonth({
        month: "2026-12",
        previous: "2026-11",
        totals: { month: 250, previous: 3000 },
        partial: { today: "2026-12-02", monthDays: days("2026-12", [100, 150]), previousDays: nov },
      }),
    ).toEqual({ percent: 25, compared: "Dec 1–2 vs Nov 1–2 (2026-12 so far)", partial: true });
  });
  it("compares whole months once the month is over, and says nothing against an empty month", () => {
    expect(
      monthOverMonth({ month: "2026-11", previous: "2026-10", totals: { month: 750, previous: 3000 } }),
    ).toEqual({ percent: -75, compared: "2026-11 vs 2026-10", partial: false });
    expect(
      monthOverMonth({
        month: "2026-12",
        previous: "2026-11",
        totals: { month: 5, previous: 0 },
        partial: { today: "2026-12-01", monthDays: days("2026-12", [5]), previousDays: [] },
      }),
    ).toEqual({ percent: null, compared: "Dec 1 vs Nov 1 (2026-12 so far)", partial: true });
  });
  it("ignores the partial figures when the range ends before the current month", () => {
    expect(
      monthOverMonth({
        month: "2026-10",
        previous: "2026-09",
        totals: { month: 110, previous: 100 },
        partial: { today: "2026-12-02", monthDays: [], previousDays: [] },
      }).partial,
    ).toBe(false);
  });
});
