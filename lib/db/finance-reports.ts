import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { db } from "./client";
import { refreshUsageRollup } from "./usage-rollup";

/**
 * Usage reports. Month-level reports read the monthly rollup (lib/db/usage-rollup.ts, refreshed first), so a year
 * of 3.65 M daily rows is answered from a few thousand rollup rows; the per-day report reads UsageDaily for one month. API stages: UsageDaily carries the usage plan id, and a
 * usage plan lists its API stages in AWS; until that mapping is synced, "by plan" is by usage plan id.
 */
export type MonthTenantRow = { month: string; tenantId: string | null; requests: number };

export async function usageByMonthAndTenant(
  actor: Actor,
  from: string,
  to: string,
): Promise<MonthTenantRow[]> {
  assertCan(actor, "finance.view");
  await refreshUsageRollup();
  const rows = await db.usageMonthly.groupBy({
    by: ["month", "tenantKey"],
    where: { month: { gte: from, lte: to } },
    _sum: { requests: true },
  });
  return rows.map((r) => ({
    month: r.month,
    tenantId: r.tenantKey === "" ? null : r.tenantKey,
    requests: Number(r._sum.requests ?? 0),
  }));
}

export async function usageByPlan(actor: Actor, from: string, to: string) {
  assertCan(actor, "finance.view");
  await refreshUsageRollup();
  const rows = await db.usageMonthly.groupBy({
    by: ["usagePlanId"],
    where: { month: { gte: from, lte: to } },
    _sum: { requests: true },
  });
  // Names from the plans' last known shape (deleted plans included: their usage is still in the period).
  const names = new Map(
    (
      await db.usagePlanSnapshot.findMany({
        where: { id: { in: rows.map((r) => r.usagePlanId) } },
        select: { id: true, name: true },
      })
    ).map((p) => [p.id, p.name]),
  );
  return rows
    .map((r) => ({
      usagePlanId: r.usagePlanId,
      usagePlanName: names.get(r.usagePlanId) ?? null,
      requests: Number(r._sum.requests ?? 0),
    }))
    .sort((a, b) => b.requests - a.requests);
}

export async function usageByDay(actor: Actor, month: string) {
  assertCan(actor, "finance.view");
  const rows = await db.usageDaily.groupBy({
    by: ["day"],
    where: { day: { gte: `${month}-01`, lte: `${month}-31` } },
    _sum: { requests: true },
    orderBy: { day: "asc" },
  });
  return rows.map((r) => ({ day: r.day, requests: Number(r._sum.requests ?? 0) }));
}

export async function tenantNameMap(actor: Actor): Promise<Map<string, string>> {
  assertCan(actor, "finance.view");
  const rows = await db.tenant.findMany({ select: { id: true, name: true } });
  return new Map(rows.map((t) => [t.id, t.name]));
}
