import "server-only";
import { db } from "./client";
import { shiftDays } from "@/lib/dates";

/** Failed sign-ins per key within the window; the oldest one tells when the next attempt is allowed. */
export async function recentFailures(keys: string[], since: Date) {
  const rows = await db.loginFailure.groupBy({
    by: ["key"],
    where: { key: { in: keys }, at: { gte: since } },
    _count: { _all: true },
    _min: { at: true },
  });
  return rows.map((r) => ({ key: r.key, count: r._count._all, oldest: r._min.at }));
}

export async function recordFailures(keys: string[]): Promise<void> {
  await db.loginFailure.createMany({ data: keys.map((key) => ({ key })) });
  // Keep the table small: rows older than a day can never count again.
  if (Math.random() < 0.05)
    await db.loginFailure.deleteMany({ where: { at: { lt: shiftDays(new Date(), -1) } } });
}

export async function clearFailures(key: string): Promise<void> {
  await db.loginFailure.deleteMany({ where: { key } });
}
