import { describe, expect, it } from "vitest";
import { daysInMonth, priceMonth, priceTiers, roundHalfUp, validateTiers, type PlanTerms } from "./pricing";

// Every expected total below is computed by hand in the comment next to it (amounts in cents).
const GRADUATED: PlanTerms = {
  versionId: "g1",
  planName: "Growth",
  currency: "USD",
  baseFeeMinor: 1000, // $10.00
  includedRequests: 1_000_000,
  minimumChargeMinor: 0,
  tierMode: "GRADUATED",
  tiers: [
    { upTo: 1_000_000, pricePerMillionMinor: 300 }, // $3.00 / M
    { upTo: 5_000_000, pricePerMillionMinor: 200 },
    { upTo: null, pricePerMillionMinor: 100 },
  ],
};
const VOLUME: PlanTerms = {
  versionId: "v1",
  planName: "Volume",
  currency: "USD",
  baseFeeMinor: 0,
  includedRequests: 0,
  minimumChargeMinor: 500, // $5.00
  tierMode: "VOLUME",
  tiers: [
    { upTo: 1_000_000, pricePerMillionMinor: 400 },
    { upTo: 10_000_000, pricePerMillionMinor: 250 },
    { upTo: null, pricePerMillionMinor: 100 },
  ],
};

/** The whole month's usage on the 15th (one segment, so nothing is prorated). */
const monthOf = (terms: PlanTerms | null, requests: number, month = "2026-04") =>
  priceMonth(month, new Map([[`${month}-15`, requests]]), () => terms);

describe("graduated tiers with included requests and a base fee", () => {
  it.each([
    ["zero usage: base fee only", 0, 1000n],
    ["usage below the included requests", 400_000, 1000n],
    ["usage exactly the included requests", 1_000_000, 1000n],
    ["1 M billable, exactly at the tier-1 edge: 1000 + 1M×300/M", 2_000_000, 1300n],
    ["1 M + 1 billable: 1000 + 300 + 1×200/M (0.0002 → 0)", 2_000_001, 1300n],
    ["5 M billable, exactly at the tier-2 edge: 1000 + 300 + 4M×200/M", 6_000_000, 2100n],
    ["6.5 M billable: 1000 + 300 + 800 + 1.5M×100/M", 7_500_000, 2250n],
    ["1,667 billable: 1667×300/M = 0.5001 → 1", 1_001_667, 1001n],
    ["1,666 billable: 1666×300/M = 0.4998 → 0", 1_001_666, 1000n],
  ])("%s", (_name, requests, total) => {
    const r = monthOf(GRADUATED, requests);
    expect(r.totalMinor).toBe(total);
    expect(r.requests).toBe(requests);
    expect(r.lines.reduce((s, l) => s + l.amountMinor, 0n)).toBe(total);
  });

  it("lists a line per tier with quantity and unit price, and the included requests used", () => {
    const r = monthOf(GRADUATED, 7_500_000);
    expect(r.lines.map((l) => [l.kind, l.quantity, l.unitPriceMinor, l.amountMinor])).toEqual([
      ["BASE_FEE", 1, 1000, 1000n],
      ["INCLUDED", 1_000_000, 0, 0n],
      ["TIER", 1_000_000, 300, 300n],
      ["TIER", 4_000_000, 200, 800n],
      ["TIER", 1_500_000, 100, 150n],
    ]);
  });
});

describe("volume tiers with a minimum charge", () => {
  it.each([
    ["zero usage: minimum charge 500", 0, 500n],
    ["exactly at the tier-1 edge: 1M×400/M = 400, topped up to 500", 1_000_000, 500n],
    ["one past the edge: 1,000,001×250/M = 250.00025 → 250, topped up to 500", 1_000_001, 500n],
    ["4 M in tier 2: 4M×250/M = 1000, above the minimum", 4_000_000, 1000n],
    ["exactly at the tier-2 edge: 10M×250/M", 10_000_000, 2500n],
    ["one past it, all at tier 3: 10,000,001×100/M = 1000.0001 → 1000", 10_000_001, 1000n],
    ["20 M at tier 3: 2000", 20_000_000, 2000n],
  ])("%s", (_name, requests, total) => {
    expect(monthOf(VOLUME, requests).totalMinor).toBe(total);
  });

  it("prices every request at the one tier the total falls in", () => {
    const lines = monthOf(VOLUME, 4_000_000).lines;
    expect(lines.filter((l) => l.kind === "TIER").map((l) => [l.quantity, l.unitPriceMinor])).toEqual([
      [4_000_000, 250],
    ]);
    expect(lines.some((l) => l.kind === "MINIMUM")).toBe(false);
  });

  it("adds the minimum top-up as its own line", () => {
    const min = monthOf(VOLUME, 1_000_000).lines.find((l) => l.kind === "MINIMUM");
    expect(min?.amountMinor).toBe(100n);
  });
});

describe("a plan change in mid-month splits by days", () => {
  const V1: PlanTerms = {
    ...GRADUATED,
    versionId: "p-v1",
    baseFeeMinor: 3000,
    includedRequests: 3_000_000,
    tiers: [{ upTo: null, pricePerMillionMinor: 300 }],
  };
  const V2: PlanTerms = {
    ...GRADUATED,
    versionId: "p-v2",
    baseFeeMinor: 6000,
    includedRequests: 0,
    tiers: [{ upTo: null, pricePerMillionMinor: 200 }],
  };
  const usage = new Map(
    Array.from({ length: 30 }, (_, i) => [`2026-04-${String(i + 1).padStart(2, "0")}`, 100_000]),
  );
  const termsOn = (day: string) => (day < "2026-04-11" ? V1 : V2);

  it("April (30 days), v1 on days 1–10, v2 on 11–30, 100,000 requests a day", () => {
    const r = priceMonth("2026-04", usage, termsOn);
    // v1: base 3000×10/30 = 1000; included 3M×10/30 = 1M covers its 1M requests → 1000.
    // v2: base 6000×20/30 = 4000; 2M requests × 200/M = 400 → 4400. Total 5400.
    expect(r.totalMinor).toBe(5400n);
    expect(r.requests).toBe(3_000_000);
    const v1 = r.lines.filter((l) => l.versionId === "p-v1");
    expect(v1.map((l) => [l.kind, l.quantity, l.amountMinor])).toEqual([
      ["BASE_FEE", 1, 1000n],
      ["INCLUDED", 1_000_000, 0n],
      ["TIER", 0, 0n],
    ]);
    expect(v1[0]?.periodFrom).toBe("2026-04-01");
    expect(v1[0]?.periodTo).toBe("2026-04-10");
    expect(r.lines.filter((l) => l.versionId === "p-v2")[0]?.periodFrom).toBe("2026-04-11");
  });

  it("prorates with half-up rounding and rounds included requests down (31-day month)", () => {
    const usage31 = new Map([["2026-05-01", 0]]);
    const r = priceMonth("2026-05", usage31, (d) => (d < "2026-05-11" ? GRADUATED : null));
    // base 1000×10/31 = 322.58 → 323; included 1M×10/31 = 322,580.6 → 322,580.
    expect(r.totalMinor).toBe(323n);
    expect(r.lines.find((l) => l.kind === "INCLUDED")?.description).toContain("of 322,580");
  });

  it("lists usage on days without a plan as unpriced, amount 0", () => {
    const u = new Map([
      ["2026-04-02", 50],
      ["2026-04-20", 1_000_000],
    ]);
    const r = priceMonth("2026-04", u, (d) => (d < "2026-04-05" ? null : VOLUME));
    const unpriced = r.lines.find((l) => l.kind === "UNPRICED");
    expect([unpriced?.quantity, unpriced?.amountMinor, unpriced?.periodTo]).toEqual([50, 0n, "2026-04-04"]);
    // VOLUME for 26 of 30 days: 1M × 400/M = 400; minimum 500×26/30 = 433.33 → 433; top-up 33.
    expect(r.totalMinor).toBe(433n);
  });

  it("a tenant with no plan and no usage has no lines", () => {
    expect(priceMonth("2026-04", new Map(), () => null).lines).toEqual([]);
  });
});

describe("the rounding rule", () => {
  it.each([
    [5n, 10n, 1n],
    [4n, 10n, 0n],
    [15n, 10n, 2n],
    [25n, 10n, 3n],
    [-5n, 10n, -1n],
    [-4n, 10n, 0n],
    [0n, 7n, 0n],
  ])("roundHalfUp(%s/%s) = %s", (n, d, want) => expect(roundHalfUp(n, d)).toBe(want));

  it("stays exact beyond 2^53 (20 billion requests at AWS REST prices)", () => {
    const rest = [
      { upTo: 333_000_000, pricePerMillionMinor: 350 },
      { upTo: 1_000_000_000, pricePerMillionMinor: 280 },
      { upTo: 20_000_000_000, pricePerMillionMinor: 238 },
      { upTo: null, pricePerMillionMinor: 151 },
    ];
    // 333×350 + 667×280 + 19000×238 + 1000×151 = 116,550 + 186,760 + 4,522,000 + 151,000 = 4,976,310
    const sum = priceTiers(21_000_000_000, "GRADUATED", rest).reduce((s, l) => s + l.amountMinor, 0n);
    expect(sum).toBe(4_976_310n);
  });
});

describe("helpers", () => {
  it("knows month lengths", () => {
    expect([daysInMonth("2026-02"), daysInMonth("2028-02"), daysInMonth("2026-12")]).toEqual([28, 29, 31]);
  });
  it.each([
    [[], "Add at least one tier."],
    [[{ upTo: 5, pricePerMillionMinor: 1 }], "The last tier must have no upper bound."],
    [
      [
        { upTo: null, pricePerMillionMinor: 1 },
        { upTo: null, pricePerMillionMinor: 1 },
      ],
      "Only the last tier may be unbounded.",
    ],
    [
      [
        { upTo: 5, pricePerMillionMinor: 1 },
        { upTo: 5, pricePerMillionMinor: 1 },
        { upTo: null, pricePerMillionMinor: 1 },
      ],
      "Tier bounds must increase.",
    ],
    [[{ upTo: null, pricePerMillionMinor: -1 }], "Prices cannot be negative."],
    [[{ upTo: null, pricePerMillionMinor: 1 }], null],
  ])("validates tiers %#", (tiers, msg) => expect(validateTiers(tiers)).toBe(msg));
});
