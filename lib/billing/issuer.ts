/**
 * Who issues the invoices and on what terms (finance settings), and the figures a printed invoice derives from
 * them at finalization: the due date and the tax line. Pure; money stays integer minor units, the tax rate is
 * integer basis points (1 % = 100 bp), rounded once, half up, like every invoice line.
 */
import { addUtcDays, utcDay } from "@/lib/dates";
import { roundHalfUp } from "./pricing";

export type IssuerSettings = {
  /** Legal name on the invoice, e.g. "Example API Ltd". Empty = not set up yet. */
  name: string;
  /** Postal address, one line per line. */
  address: string;
  /** VAT / tax registration number, empty when there is none. */
  taxId: string;
  /** Where partners send billing questions. */
  email: string;
  /** Days from the issue date (finalization) to the due date. */
  paymentTermsDays: number;
  /** Tax charged on the invoice total, in basis points (2000 = 20 %); 0 = no tax line amount. */
  taxRateBp: number;
};

export const DEFAULT_ISSUER: IssuerSettings = {
  name: "",
  address: "",
  taxId: "",
  email: "",
  paymentTermsDays: 30,
  taxRateBp: 0,
};

/** The due day (UTC "YYYY-MM-DD"): issue day + payment terms. */
export function dueDay(issuedAt: Date, paymentTermsDays: number): string {
  return addUtcDays(utcDay(issuedAt), paymentTermsDays);
}

/** Tax on a net total, rounded once half up to a whole minor unit. */
export function taxMinor(netMinor: bigint, taxRateBp: number): bigint {
  return roundHalfUp(netMinor * BigInt(taxRateBp), 10_000n);
}

/** "20 %", "7.5 %", "0 %". */
export function formatRate(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = String(bp % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return `${whole}${frac ? `.${frac}` : ""} %`;
}
