/**
 * Money in the UI: integer minor units ↔ text, without floats. Amounts travel to client components as decimal
 * strings of minor units (bigint is not JSON).
 */
const SYMBOL: Record<string, string> = { USD: "$", EUR: "€", GBP: "£" };

export function formatMinor(minor: bigint | string | number, currency = "USD"): string {
  const v = BigInt(minor);
  const neg = v < 0n;
  const a = neg ? -v : v;
  const major = (a / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const cents = (a % 100n).toString().padStart(2, "0");
  const sym = SYMBOL[currency];
  const body = sym ? `${sym}${major}.${cents}` : `${major}.${cents} ${currency}`;
  return neg ? `−${body}` : body;
}

/** Plain "1234.56" for CSV files (no symbol, no grouping, "-" sign). */
export function minorToDecimal(minor: bigint | string | number): string {
  const v = BigInt(minor);
  const a = v < 0n ? -v : v;
  return `${v < 0n ? "-" : ""}${a / 100n}.${(a % 100n).toString().padStart(2, "0")}`;
}

/** "12.5" / "12.50" / "12" → 1250 minor units; null if it is not a non-negative amount with at most 2 decimals. */
export function parseDecimalToMinor(text: string): number | null {
  const m = /^\s*(\d{1,12})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}
