import { describe, expect, it } from "vitest";
import { previewMonth, type TermsText } from "./preview";

const terms: TermsText = {
  baseFee: "10",
  includedRequests: "1,000",
  minimumCharge: "0",
  tierMode: "GRADUATED",
  tiers: [
    { upTo: "1000000", price: "3.50" },
    { upTo: "", price: "2.80" },
  ],
};

describe("previewMonth", () => {
  it("prices a sample month with the invoice pricing (base fee, included, graduated tiers)", () => {
    // 100,000 − 1,000 included = 99,000 × $3.50 / M = 34.65 → 35 cents; + $10.00.
    const p = previewMonth(terms, "USD", "100,000");
    expect(p).toMatchObject({ ok: true, totalMinor: "1035" });
    if (!p.ok) throw new Error("no preview");
    // The second tier is listed with nothing in it, as on an invoice.
    expect(p.lines.map((l) => l.amountMinor)).toEqual(["1000", "0", "35", "0"]);
  });

  it("tops up to the minimum and switches with the tier mode", () => {
    expect(previewMonth({ ...terms, minimumCharge: "25" }, "USD", "0")).toMatchObject({ totalMinor: "2500" });
    // Volume: 2,000,000 billable all at the second tier's $2.80 / M = $5.60 (+ $10 base fee, 1,000 included).
    const graduated = previewMonth(terms, "USD", "2,001,000");
    const volume = previewMonth({ ...terms, tierMode: "VOLUME" }, "USD", "2,001,000");
    expect(graduated).toMatchObject({ totalMinor: String(1000 + 350 + 280) });
    expect(volume).toMatchObject({ totalMinor: String(1000 + 560) });
  });

  it("says what to fix instead of guessing (no coercion of blanks or bad numbers)", () => {
    expect(previewMonth(terms, "USD", "")).toEqual({
      ok: false,
      error: "Enter the sample month's requests as a whole number.",
    });
    expect(previewMonth({ ...terms, baseFee: "" }, "USD", "10")).toMatchObject({ ok: false });
    expect(previewMonth({ ...terms, tiers: [{ upTo: "", price: "x" }] }, "USD", "10")).toMatchObject({
      ok: false,
      error: "Enter each tier's price per million requests, such as 3.50.",
    });
  });
});
