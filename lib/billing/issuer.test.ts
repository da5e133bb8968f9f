import { describe, expect, it } from "vitest";
import { dueDay, formatRate, taxMinor } from "./issuer";

describe("issuer terms", () => {
  it("due day = issue day (UTC) + payment terms, across month ends", () => {
    expect(dueDay(new Date("2026-01-31T23:30:00Z"), 30)).toBe("2026-03-02");
    expect(dueDay(new Date("2026-12-15T00:00:00Z"), 0)).toBe("2026-12-15");
  });

  it.each([
    [1035n, 2000, 207n], // 20 % of $10.35 = 2.07
    [1035n, 750, 78n], // 7.5 % = 77.625 → 78 (half up)
    [1n, 5000, 1n], // 0.5 → 1
    [999n, 0, 0n],
  ])("tax on %s at %s bp is %s, rounded once half up", (net, bp, tax) => {
    expect(taxMinor(net, bp)).toBe(tax);
  });

  it("formats rates without floats", () => {
    expect([formatRate(2000), formatRate(750), formatRate(5), formatRate(0)]).toEqual([
      "20 %",
      "7.5 %",
      "0.05 %",
      "0 %",
    ]);
  });
});
