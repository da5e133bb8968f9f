import { describe, expect, it } from "vitest";
import { growthPercent, monthTotals, monthsBetween, tenantUsage } from "./usage-report";

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
