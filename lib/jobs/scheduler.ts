import "server-only";
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { releaseLease, tryAcquireLease } from "@/lib/db/leases";
import { log } from "@/lib/log";
import { expireRotatedKeys } from "@/lib/services/keys";
import { now } from "@/lib/clock";
import { runCanaryEngine } from "@/lib/canary/engine";
import { withPriority } from "@/lib/aws/priority";
import { finalizeDueInvoices } from "./finance-invoices";
import { runUsageSync } from "./usage-sync";

/**
 * Background jobs of this server process. Each run takes the job's lease in the database first, so with several
 * replicas only one runs a job at a time; a run that cannot get the lease is skipped.
 */
// AWS calls of background jobs queue behind pages and the canary engine in the control-plane budget
// (lib/aws/budget.ts); the canary engine queues behind pages only.
export const JOBS = {
  "usage-sync": {
    everyMs: 5 * 60_000,
    leaseMs: 15 * 60_000,
    run: () => withPriority("inventory", () => runUsageSync()),
  },
  "rotation-expiry": {
    everyMs: 60_000,
    leaseMs: 5 * 60_000,
    run: () => withPriority("inventory", () => expireRotatedKeys()),
  },
  // Creates last month's missing drafts and finalizes drafts whose grace period has passed (lib/billing).
  "finance-invoices": { everyMs: 15 * 60_000, leaseMs: 15 * 60_000, run: () => finalizeDueInvoices(now()) },
  // Evaluates due canary rollouts (each has its own interval) and resumes any interrupted change (lib/canary).
  "canary-rollouts": {
    everyMs: 5_000,
    leaseMs: 15_000,
    run: () => withPriority("canary", () => runCanaryEngine(10_000)),
  },
} as const;
export type JobName = keyof typeof JOBS;
export const isJobName = (s: string): s is JobName => s in JOBS;

const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** Runs a job now if its lease is free; false when another run holds it. */
export async function runJob(name: JobName): Promise<{ ran: boolean; result?: unknown }> {
  const job = JOBS[name];
  if (!(await tryAcquireLease(name, holder, job.leaseMs))) return { ran: false };
  try {
    return { ran: true, result: await job.run() };
  } finally {
    await releaseLease(name, holder);
  }
}

/** Starts a job in the background (Sync now); resolves once it has the lease or knows it cannot. */
export async function startJob(name: JobName): Promise<boolean> {
  const job = JOBS[name];
  if (!(await tryAcquireLease(name, holder, job.leaseMs))) return false;
  void job
    .run()
    .catch((e: unknown) => log.error({ err: e, job: name }, "job failed"))
    .finally(() => void releaseLease(name, holder).catch(() => undefined));
  return true;
}

const g = globalThis as unknown as { __tollgateJobs?: NodeJS.Timeout[] };

/** Starts the jobs (all, or the named ones) on their intervals; the first run of each is 5 s after start. */
export function startScheduler(only?: readonly JobName[]): void {
  if (g.__tollgateJobs) return;
  g.__tollgateJobs = (only ?? (Object.keys(JOBS) as JobName[])).map((name) => {
    const tick = () =>
      void runJob(name).catch((e: unknown) => log.error({ err: e, job: name }, "scheduled job failed"));
    setTimeout(tick, 5_000).unref();
    const t = setInterval(tick, JOBS[name].everyMs);
    t.unref();
    return t;
  });
  log.info({ holder, jobs: only ?? Object.keys(JOBS) }, "background jobs started");
}
