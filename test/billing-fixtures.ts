import { db } from "@/lib/db/client";
import { uid } from "./fixtures";

/**
 * UsageDaily rows as the usage sync would write them (issue 4 fills the table in the product): `perDay` requests on
 * each listed day, for one new key of the tenant unless `apiKeyId` is given.
 */
export async function insertUsage(
  tenantId: string,
  days: string[],
  perDay: number,
  opts: { apiKeyId?: string; usagePlanId?: string } = {},
) {
  const apiKeyId = opts.apiKeyId ?? `key-${uid()}`;
  await db.usageDaily.createMany({
    data: days.map((day) => ({
      apiKeyId,
      usagePlanId: opts.usagePlanId ?? "plan-test",
      tenantId,
      day,
      requests: perDay,
    })),
  });
  return apiKeyId;
}

export const planInput = {
  currency: "USD",
  effectiveFrom: "2020-01-01",
  baseFee: 1000,
  includedRequests: 1_000,
  minimumCharge: 0,
  tierMode: "GRADUATED" as const,
  tiers: [
    { upTo: 10_000, pricePerMillionMinor: 100_000 }, // $1,000 per million = 0.1 cent a request
    { upTo: null, pricePerMillionMinor: 50_000 },
  ],
};
