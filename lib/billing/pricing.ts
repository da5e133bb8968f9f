/**
 * Pure pricing: usage + price-plan versions → invoice lines. No I/O; exhaustively table-tested in pricing.test.ts.
 *
 * MONEY AND THE ONE ROUNDING RULE
 * - Amounts are integer minor units (cents) held as bigint. Tier prices are integer minor units per million requests.
 * - Every line amount is computed exactly as a rational number with bigint arithmetic and rounded ONCE, half up
 *   (x.5 → away from zero), to a whole minor unit. The invoice total is the sum of the already-rounded lines; it is
 *   never rounded again. Nothing is ever a float.
 *
 * PLAN TERMS (per plan version)
 * - Base fee per month; included requests per month (free, taken before any tier); minimum charge per month (if the
 *   usage + base-fee subtotal is below it, a "minimum charge top-up" line makes up the difference).
 * - Tiers count BILLABLE requests (usage minus included requests). `upTo` is the inclusive upper bound in billable
 *   requests of that tier, `null` for the last (unbounded) tier.
 *   - GRADUATED: each request is priced by the tier it falls in (first 1 M at A, the next at B, …).
 *   - VOLUME: all billable requests are priced at the one tier the total falls in (usage exactly at a tier's upTo
 *     stays in that tier).
 *
 * MID-MONTH PLAN CHANGE: split by days (not averaged). Each day of the month belongs to the version in effect that
 * day. Consecutive days under the same version form a segment. Each segment is priced on its own: its usage (the
 * sum of its days), with the base fee, included requests and minimum charge prorated by segment days / days in the
 * month (base fee and minimum rounded half up; included requests rounded down, so we never give away a fraction of
 * a request). Tier bounds are not prorated. Days with no plan at all are listed as unpriced (amount 0).
 */
import { daysInUtcMonth } from "@/lib/dates";

export type TierMode = "GRADUATED" | "VOLUME";
export type Tier = { upTo: number | null; pricePerMillionMinor: number };

export type PlanTerms = {
  versionId: string;
  planName: string;
  currency: string;
  baseFeeMinor: number;
  includedRequests: number;
  minimumChargeMinor: number;
  tierMode: TierMode;
  tiers: Tier[];
};

export type LineKind = "BASE_FEE" | "INCLUDED" | "TIER" | "MINIMUM" | "UNPRICED" | "ADJUSTMENT";

export type PricedLine = {
  kind: LineKind;
  description: string;
  /** Requests for usage lines, 1 for fees. */
  quantity: number;
  /** Minor units per million requests for tier lines, the fee for fee lines. */
  unitPriceMinor: number;
  amountMinor: bigint;
  versionId: string | null;
  periodFrom: string;
  periodTo: string;
};

/** Round a non-negative or negative rational num/den half up (away from zero at .5) to an integer. */
export function roundHalfUp(num: bigint, den: bigint): bigint {
  if (den <= 0n) throw new Error("denominator must be positive");
  const neg = num < 0n;
  const n = neg ? -num : num;
  const q = n / den;
  const r = n % den;
  const rounded = r * 2n >= den ? q + 1n : q;
  return neg ? -rounded : rounded;
}

const MILLION = 1_000_000n;

/** Price `requests` billable requests at `perMillion` minor units per million, rounded by the one rule. */
export function tierAmount(requests: number, perMillion: number): bigint {
  return roundHalfUp(BigInt(requests) * BigInt(perMillion), MILLION);
}

export function validateTiers(tiers: Tier[]): string | null {
  if (tiers.length === 0) return "Add at least one tier.";
  let prev = 0;
  for (const [i, t] of tiers.entries()) {
    const last = i === tiers.length - 1;
    if (last && t.upTo !== null) return "The last tier must have no upper bound.";
    if (!last && t.upTo === null) return "Only the last tier may be unbounded.";
    if (t.upTo !== null && t.upTo <= prev) return "Tier bounds must increase.";
    if (t.pricePerMillionMinor < 0) return "Prices cannot be negative.";
    prev = t.upTo ?? prev;
  }
  return null;
}

const fmtM = (n: number) => n.toLocaleString("en-US");

/** Tier lines for `billable` requests. Graduated tiers that receive no requests are still listed (quantity 0). */
export function priceTiers(
  billable: number,
  mode: TierMode,
  tiers: Tier[],
): { description: string; quantity: number; unitPriceMinor: number; amountMinor: bigint }[] {
  if (mode === "VOLUME") {
    const idx = tiers.findIndex((t) => t.upTo === null || billable <= t.upTo);
    const tier = tiers[idx] ?? tiers[tiers.length - 1];
    if (!tier) return [];
    const from = idx > 0 ? (tiers[idx - 1]?.upTo ?? 0) + 1 : 1;
    const range = tier.upTo === null ? `${fmtM(from)}+` : `${fmtM(from)}–${fmtM(tier.upTo)}`;
    return [
      {
        description: `Requests (volume tier ${idx + 1}: ${range}, all requests at this price)`,
        quantity: billable,
        unitPriceMinor: tier.pricePerMillionMinor,
        amountMinor: tierAmount(billable, tier.pricePerMillionMinor),
      },
    ];
  }
  let lower = 0;
  return tiers.map((t, i) => {
    const upper = t.upTo ?? Number.MAX_SAFE_INTEGER;
    const qty = Math.max(0, Math.min(billable, upper) - lower);
    const range = t.upTo === null ? `over ${fmtM(lower)}` : `${fmtM(lower + 1)}–${fmtM(t.upTo)}`;
    lower = upper;
    return {
      description: `Requests, tier ${i + 1} (${range})`,
      quantity: qty,
      unitPriceMinor: t.pricePerMillionMinor,
      amountMinor: tierAmount(qty, t.pricePerMillionMinor),
    };
  });
}

export type Segment = { terms: PlanTerms | null; from: string; to: string; days: number; requests: number };

/** One segment (a run of days under one version, or `days === daysInMonth` for a whole month). */
export function priceSegment(seg: Segment, daysInMonth: number): PricedLine[] {
  const base = { periodFrom: seg.from, periodTo: seg.to };
  if (!seg.terms) {
    return [
      {
        ...base,
        kind: "UNPRICED",
        description: "Requests on days without a price plan",
        quantity: seg.requests,
        unitPriceMinor: 0,
        amountMinor: 0n,
        versionId: null,
      },
    ];
  }
  const t = seg.terms;
  const d = BigInt(seg.days);
  const dm = BigInt(daysInMonth);
  const full = seg.days === daysInMonth;
  const prorate = full ? "" : ` (${seg.days}/${daysInMonth} days)`;
  const baseFee = roundHalfUp(BigInt(t.baseFeeMinor) * d, dm);
  const included = Number((BigInt(t.includedRequests) * d) / dm); // rounded down
  const minimum = roundHalfUp(BigInt(t.minimumChargeMinor) * d, dm);
  const lines: PricedLine[] = [];
  const v = { ...base, versionId: t.versionId };
  if (t.baseFeeMinor > 0)
    lines.push({
      ...v,
      kind: "BASE_FEE",
      description: `${t.planName}: monthly base fee${prorate}`,
      quantity: 1,
      unitPriceMinor: Number(baseFee),
      amountMinor: baseFee,
    });
  const usedIncluded = Math.min(seg.requests, included);
  if (included > 0)
    lines.push({
      ...v,
      kind: "INCLUDED",
      description: `Included requests (${fmtM(usedIncluded)} of ${fmtM(included)} used)`,
      quantity: usedIncluded,
      unitPriceMinor: 0,
      amountMinor: 0n,
    });
  const billable = seg.requests - usedIncluded;
  for (const tl of priceTiers(billable, t.tierMode, t.tiers)) lines.push({ ...v, ...tl, kind: "TIER" });
  const subtotal = lines.reduce((s, l) => s + l.amountMinor, 0n);
  if (subtotal < minimum)
    lines.push({
      ...v,
      kind: "MINIMUM",
      description: `Minimum charge top-up${prorate}`,
      quantity: 1,
      unitPriceMinor: Number(minimum - subtotal),
      amountMinor: minimum - subtotal,
    });
  return lines;
}

export const daysInMonth = daysInUtcMonth;

export function monthDays(month: string): string[] {
  return Array.from({ length: daysInMonth(month) }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")}`);
}

/**
 * Price a month: `usageByDay` maps "YYYY-MM-DD" → requests; `termsOn(day)` gives the plan version in effect that day
 * (or null). Consecutive days with the same version form a segment (see the header for the split rule).
 */
export function priceMonth(
  month: string,
  usageByDay: ReadonlyMap<string, number>,
  termsOn: (day: string) => PlanTerms | null,
): { lines: PricedLine[]; totalMinor: bigint; requests: number } {
  const days = monthDays(month);
  const segments: Segment[] = [];
  for (const day of days) {
    const terms = termsOn(day);
    const req = usageByDay.get(day) ?? 0;
    const last = segments[segments.length - 1];
    if (last && (last.terms?.versionId ?? null) === (terms?.versionId ?? null)) {
      last.to = day;
      last.days += 1;
      last.requests += req;
    } else segments.push({ terms, from: day, to: day, days: 1, requests: req });
  }
  const lines = segments
    .filter((s) => s.terms || s.requests > 0)
    .flatMap((s) => priceSegment(s, days.length));
  const requests = segments.reduce((s, x) => s + x.requests, 0);
  return { lines, totalMinor: lines.reduce((s, l) => s + l.amountMinor, 0n), requests };
}
