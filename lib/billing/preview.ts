/**
 * The price-plan form's live preview: what a sample month would cost under the terms as typed, priced by the same
 * function that prices invoices (priceSegment, a whole month, one version). Pure; runs in the browser.
 */
import { parseDecimalToMinor } from "./money";
import { priceSegment, type TierMode } from "./pricing";
import { parseTierRows } from "@/lib/schemas/finance";
import { parseCount } from "@/lib/schemas/numbers";

export type TermsText = {
  baseFee: string;
  includedRequests: string;
  minimumCharge: string;
  tierMode: TierMode;
  tiers: { upTo: string; price: string }[];
};

export type MonthPreview =
  | { ok: true; lines: { description: string; amountMinor: string }[]; totalMinor: string }
  | { ok: false; error: string };

/** A 30-day month of `requests` (as typed, e.g. "2,500,000") priced under the typed terms. */
export function previewMonth(t: TermsText, currency: string, requests: string): MonthPreview {
  const sample = parseCount(requests);
  if (sample === null) return { ok: false, error: "Enter the sample month's requests as a whole number." };
  const baseFeeMinor = parseDecimalToMinor(t.baseFee);
  const minimumChargeMinor = parseDecimalToMinor(t.minimumCharge);
  const included = parseCount(t.includedRequests);
  if (baseFeeMinor === null || minimumChargeMinor === null || included === null)
    return { ok: false, error: "Fill in the fee, included requests and minimum to see a preview." };
  const tiers = parseTierRows(t.tiers);
  if (!tiers.tiers) return { ok: false, error: tiers.error ?? "Check the tiers." };
  const lines = priceSegment(
    {
      terms: {
        versionId: "preview",
        planName: "Plan",
        currency,
        baseFeeMinor,
        includedRequests: included,
        minimumChargeMinor,
        tierMode: t.tierMode,
        tiers: tiers.tiers,
      },
      from: "2026-01-01",
      to: "2026-01-30",
      days: 30,
      requests: sample,
    },
    30,
  );
  return {
    ok: true,
    lines: lines.map((l) => ({ description: l.description, amountMinor: l.amountMinor.toString() })),
    totalMinor: lines.reduce((s, l) => s + l.amountMinor, 0n).toString(),
  };
}
