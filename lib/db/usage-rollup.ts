import "server-only";
import { randomUUID } from "node:crypto";
import { log } from "@/lib/log";
import { db, Prisma } from "./client";
import { releaseLease, tryAcquireLease } from "./leases";

/**
 * The monthly rollup behind the finance reports (UsageMonthly). A report first calls refreshUsageRollup(): it
 * finds the months whose UsageDaily rows changed since the last build through the index on updatedAt (instant when
 * nothing changed) and rebuilds just those months, each in one transaction. It records as seen only what is older
 * than a minute, so a sync transaction that stamped its rows before committing is not missed (the price: for a
 * minute after a sync, reports rebuild the synced month again). Deleted daily rows are not
 * detected (the usage sync only upserts). One replica at a time (a lease); the others read the current rollup.
 */
const STATE = "usage_monthly";
const MARGIN_MS = 60_000;

async function rebuildMonth(month: string) {
  await db.$transaction([
    db.usageMonthly.deleteMany({ where: { month } }),
    db.$executeRaw(Prisma.sql`INSERT INTO "usage_monthly" ("month", "tenantKey", "usagePlanId", "requests")
      SELECT ${month}, COALESCE("tenantId", ''), "usagePlanId", SUM("requests") FROM "usage_daily"
      WHERE "day" >= ${`${month}-01`} AND "day" <= ${`${month}-31`}
      GROUP BY COALESCE("tenantId", ''), "usagePlanId"`),
  ]);
}

export async function refreshUsageRollup(): Promise<{ rebuilt: string[] }> {
  const holder = randomUUID();
  if (!(await tryAcquireLease("finance.usage-rollup", holder, 10 * 60_000))) return { rebuilt: [] };
  try {
    const [state, max] = await Promise.all([
      db.rollupState.findUnique({ where: { name: STATE } }),
      // ORDER BY … LIMIT 1 uses the index; Prisma's aggregate wraps MAX in a subquery that scans every row.
      db.usageDaily.findFirst({ orderBy: { updatedAt: "desc" }, select: { updatedAt: true } }),
    ]);
    const newest = max?.updatedAt;
    if (!newest || (state && newest <= state.seenUntil)) return { rebuilt: [] };
    const months = state
      ? [
          ...new Set(
            (
              await db.usageDaily.findMany({
                where: { updatedAt: { gt: state.seenUntil } },
                select: { day: true },
                distinct: ["day"],
              })
            ).map((r) => r.day.slice(0, 7)),
          ),
        ]
      : (
          await db.$queryRaw<{ m: string }[]>(
            Prisma.sql`SELECT DISTINCT substr("day", 1, 7) AS "m" FROM "usage_daily"`,
          )
        ).map((r) => r.m);
    for (const m of months.sort()) await rebuildMonth(m);
    // Everything stamped before now − margin has committed by now; later stamps are looked at again next time.
    const seenUntil = new Date(Math.min(newest.getTime(), Date.now() - MARGIN_MS));
    await db.rollupState.upsert({
      where: { name: STATE },
      create: { name: STATE, seenUntil },
      update: { seenUntil },
    });
    return { rebuilt: months };
  } catch (err) {
    log.error({ err }, "usage rollup refresh failed; reports show the previous rollup");
    return { rebuilt: [] };
  } finally {
    await releaseLease("finance.usage-rollup", holder);
  }
}
