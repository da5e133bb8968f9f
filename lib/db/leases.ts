import "server-only";
import { log } from "@/lib/log";
import { db } from "./client";

/** Prisma's "unique constraint failed" (same code for SQLite and PostgreSQL). */
function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}

/**
 * Takes or renews the lease on a job: true when this holder may run it until `ttlMs` from now.
 * Several console replicas share one database; only one holds a lease at a time.
 * For lib/jobs (via runUnderLease) and the report rollup; anything else should not need a lease of its own.
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
  } catch (e) {
    // Only "another holder created the row first" means the lease is held; a dead database must not read as that.
    if (isUniqueViolation(e)) return false;
    throw e;
  }
}

/** Whether someone holds the lease `name` now (a run is under way on some replica). */
export async function leaseHeld(name: string, now = new Date()): Promise<boolean> {
  return (await db.jobLease.count({ where: { name, until: { gt: now } } })) > 0;
}

export async function releaseLease(name: string, holder: string): Promise<void> {
  await db.jobLease.updateMany({
    where: { name, holder },
    data: { until: new Date(0), lastRunAt: new Date() },
  });
}

/**
 * Runs `run` while holding the lease `name`, renewing it every third of `ttlMs` so a run longer than the lease
 * does not let another replica start the same job; releases it afterwards (a failed release only delays the next
 * run until the lease expires, so it is logged, not thrown). `{ ran: false }` when another holder has it.
 */
export async function runUnderLease<T>(
  name: string,
  holder: string,
  ttlMs: number,
  run: () => Promise<T>,
): Promise<{ ran: false } | { ran: true; result: T }> {
  if (!(await tryAcquireLease(name, holder, ttlMs))) return { ran: false };
  const renew = setInterval(
    () => {
      tryAcquireLease(name, holder, ttlMs).then(
        (ok) => ok || log.error({ job: name, holder }, "lease lost during the run"),
        (err: unknown) => log.error({ err, job: name }, "renewing the lease failed"),
      );
    },
    Math.max(1_000, Math.floor(ttlMs / 3)),
  );
  renew.unref();
  try {
    return { ran: true, result: await run() };
  } finally {
    clearInterval(renew);
    await releaseLease(name, holder).catch((err: unknown) =>
      log.error({ err, job: name }, "releasing the lease failed; the next run waits for it to expire"),
    );
  }
}
