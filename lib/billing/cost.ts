/**
 * Cost-to-serve: what API Gateway charges the account, allocated to tenants by their share of requests.
 * Prices default to the reference (§10, us-east-1) and are editable finance settings. Same money rules as pricing:
 * integer minor units, request prices per million, each amount rounded once, half up.
 */
import { CACHE_PRICES } from "@/lib/stages/cache-prices";
import { priceTiers, roundHalfUp, type Tier } from "./pricing";

export type CostSettings = {
  /** Which request price list applies to the APIs behind the console. */
  apiType: "REST" | "HTTP";
  restTiers: Tier[];
  httpTiers: Tier[];
  /** Cache price per hour in micro-units (1 cent = 10,000); 0.5 GB cache: $0.020/h = 20,000. */
  cacheHourMicro: number;
  /** Cache-cluster hours running per month (0 = no cache; one cluster all month ≈ 720–744). */
  cacheHoursPerMonth: number;
};

export const DEFAULT_COST_SETTINGS: CostSettings = {
  apiType: "REST",
  restTiers: [
    { upTo: 333_000_000, pricePerMillionMinor: 350 },
    { upTo: 1_000_000_000, pricePerMillionMinor: 280 },
    { upTo: 20_000_000_000, pricePerMillionMinor: 238 },
    { upTo: null, pricePerMillionMinor: 151 },
  ],
  httpTiers: [
    { upTo: 300_000_000, pricePerMillionMinor: 100 },
    { upTo: null, pricePerMillionMinor: 90 },
  ],
  // The 0.5 GB cluster, from the console's one price table (the stage page shows the same number).
  cacheHourMicro: CACHE_PRICES["0.5"]!.microUsdPerHour,
  cacheHoursPerMonth: 0,
};

/** The account's API Gateway bill for a month: graduated request tiers on the total, plus cache hours. */
export function accountMonthCost(totalRequests: number, s: CostSettings): bigint {
  const tiers = s.apiType === "REST" ? s.restTiers : s.httpTiers;
  const requests = priceTiers(totalRequests, "GRADUATED", tiers).reduce((a, l) => a + l.amountMinor, 0n);
  const cache = roundHalfUp(BigInt(s.cacheHoursPerMonth) * BigInt(s.cacheHourMicro), 10_000n);
  return requests + cache;
}

/** A tenant's share of the month's cost, by its share of the requests. */
export function allocate(total: bigint, part: number, whole: number): bigint {
  return whole === 0 ? 0n : roundHalfUp(total * BigInt(part), BigInt(whole));
}
