import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { accountMonthCost, allocate } from "@/lib/billing/cost";
import { db } from "./client";
import { getCostSettings } from "./finance-settings";
import { usageByMonthAndTenant } from "./finance-reports";

export type MarginRow = {
  tenantId: string | null;
  tenantName: string;
  requests: number;
  revenueMinor: string;
  costMinor: string;
  marginMinor: string;
};

/**
 * Margin per tenant for a month: revenue = the tenant's finalized (not void) invoice totals for the month; cost =
 * the account's API Gateway bill for the month (all requests, tiers + cache) allocated by share of requests.
 */
export async function marginReport(
  actor: Actor,
  month: string,
): Promise<{ rows: MarginRow[]; totalCostMinor: string; totalRevenueMinor: string; requests: number }> {
  assertCan(actor, "finance.view");
  const [usage, settings, invoices, tenants] = await Promise.all([
    usageByMonthAndTenant(actor, month, month),
    getCostSettings(),
    db.invoice.findMany({
      where: { month, status: "FINALIZED" },
      select: { tenantId: true, totalMinor: true },
    }),
    db.tenant.findMany({ select: { id: true, name: true } }),
  ]);
  const names = new Map(tenants.map((t) => [t.id, t.name]));
  const total = usage.reduce((s, r) => s + r.requests, 0);
  const cost = accountMonthCost(total, settings);
  const revenue = new Map<string, bigint>();
  for (const i of invoices) revenue.set(i.tenantId, (revenue.get(i.tenantId) ?? 0n) + i.totalMinor);
  const ids = new Set<string | null>([...usage.map((u) => u.tenantId), ...revenue.keys()]);
  const rows = [...ids].map((id) => {
    const requests = usage.filter((u) => u.tenantId === id).reduce((s, r) => s + r.requests, 0);
    const rev = id ? (revenue.get(id) ?? 0n) : 0n;
    const c = allocate(cost, requests, total);
    return {
      tenantId: id,
      tenantName: id ? (names.get(id) ?? id) : "Keys without a tenant",
      requests,
      revenueMinor: rev.toString(),
      costMinor: c.toString(),
      marginMinor: (rev - c).toString(),
    };
  });
  rows.sort((a, b) => Number(BigInt(b.marginMinor) - BigInt(a.marginMinor)));
  const totalRevenue = invoices.reduce((s, i) => s + i.totalMinor, 0n);
  return {
    rows,
    totalCostMinor: cost.toString(),
    totalRevenueMinor: totalRevenue.toString(),
    requests: total,
  };
}
