import "server-only";
import { db } from "./client";

/**
 * Takes or renews the lease on a job: true when this holder may run it until `ttlMs` from now.
 * Several console replicas share one database; only one holds a lease at a time.
 */
export async function tryAcquireLease(
  name: string,
  holder: string,
  ttlMs: number,
  now = new Date(),
): Promise<boolean> {
  const until = new Date(now.getTime() + ttlMs);
  const taken = await db.jobLease.updateMany({
    where: { name, OR: [{ until: { lt: now } }, { holder }] },
    data: { holder, until },
  });
  if (taken.count === 1) return true;
  try {
    await db.jobLease.create({ data: { name, holder, until } });
    return true;
  } catch {
    return false; // another holder created it first, or holds it now
  }
}

export async function releaseLease(name: string, holder: string): Promise<void> {
  await db.jobLease.updateMany({
    where: { name, holder },
    data: { until: new Date(0), lastRunAt: new Date() },
  });
}
