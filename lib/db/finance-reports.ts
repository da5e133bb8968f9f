import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { db, Prisma } from "./client";

/**
 * Usage reports over UsageDaily. Plain SQL that both providers run the same way (substr on the "YYYY-MM-DD" text
 * day), grouped in the database so only the groups travel. API stages: UsageDaily carries the usage plan id, and a
 * usage plan lists its API stages in AWS; until that mapping is synced, "by plan" is by usage plan id.
 */
export type MonthTenantRow = { month: string; tenantId: string | null; requests: number };

const range = (from: string, to: string) => ({ lo: `${from}-01`, hi: `${to}-31` });

export async function usageByMonthAndTenant(
  actor: Actor,
  from: string,
  to: string,
): Promise<MonthTenantRow[]> {
  assertCan(actor, "finance.view");
  const { lo, hi } = range(from, to);
  const rows = await db.$queryRaw<{ month: string; tenantId: string | null; requests: bigint | number }[]>(
    Prisma.sql`SELECT substr("day", 1, 7) AS "month", "tenantId", SUM("requests") AS "requests"
      FROM "usage_daily" WHERE "day" >= ${lo} AND "day" <= ${hi}
      GROUP BY substr("day", 1, 7), "tenantId"`,
  );
  return rows.map((r) => ({ month: r.month, tenantId: r.tenantId, requests: Number(r.requests) }));
}

export async function usageByPlan(actor: Actor, from: string, to: string) {
  assertCan(actor, "finance.view");
  const { lo, hi } = range(from, to);
  const rows = await db.usageDaily.groupBy({
    by: ["usagePlanId"],
    where: { day: { gte: lo, lte: hi } },
    _sum: { requests: true },
  });
  return rows
    .map((r) => ({ usagePlanId: r.usagePlanId, requests: Number(r._sum.requests ?? 0) }))
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
