/**
 * API Gateway cache cluster prices per hour (us-east-1), in integer micro-dollars (money is never a float).
 * Only the 0.5 GB price is confirmed by the reference (§10: $0.020/h); the others are AWS's long-published list
 * prices that the reference could not confirm, so the console labels them estimates. Finance's cost settings can
 * read this map; it is the one place these numbers live.
 */
export type CachePrice = { microUsdPerHour: number; confirmed: boolean };

export const CACHE_PRICES: Record<string, CachePrice> = {
  "0.5": { microUsdPerHour: 20_000, confirmed: true },
  "1.6": { microUsdPerHour: 38_000, confirmed: false },
  "6.1": { microUsdPerHour: 200_000, confirmed: false },
  "13.5": { microUsdPerHour: 250_000, confirmed: false },
  "28.4": { microUsdPerHour: 500_000, confirmed: false },
  "58.2": { microUsdPerHour: 1_000_000, confirmed: false },
  "118": { microUsdPerHour: 1_900_000, confirmed: false },
  "237": { microUsdPerHour: 3_800_000, confirmed: false },
};

/** "$0.020/h (about $14.60 a month)"; a month is 730 hours. Integer arithmetic until the final string. */
export function formatCachePrice(size: string): string {
  const p = CACHE_PRICES[size];
  if (!p) return "price unknown";
  const hour = `$${Math.floor(p.microUsdPerHour / 1_000_000)}.${String(Math.floor((p.microUsdPerHour % 1_000_000) / 1000)).padStart(3, "0")}/h`;
  const monthCents = Math.round((p.microUsdPerHour * 730) / 10_000);
  const month = `$${Math.floor(monthCents / 100).toLocaleString("en-US")}.${String(monthCents % 100).padStart(2, "0")}`;
  return `${hour} (about ${month} a month${p.confirmed ? "" : ", estimate"})`;
}
