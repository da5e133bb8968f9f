import "server-only";
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { runUnderLease } from "@/lib/db/leases";
import { log } from "@/lib/log";
import { expireRotatedKeys } from "@/lib/keys/commands";
import { now } from "@/lib/clock";
import { runCanaryEngine } from "@/lib/canary/engine";
import { withPriority } from "@/lib/aws/priority";
import { finalizeDueInvoices } from "@/lib/invoices/finalize-due";
import { runUsageSync } from "@/lib/usage/sync";
import { runInventorySync } from "@/lib/inventory/sync";
import { PORTAL_SYNC_EVERY_MS, runPortalSync } from "@/lib/portal/sync";
import { runPartnerAlerts } from "@/lib/alerts/evaluate";

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
  // Keeps the gateway inventory the operator pages read (lib/inventory): a paced sweep, watched objects first.
  "inventory-sync": { everyMs: 5_000, leaseMs: 2 * 60_000, run: () => runInventorySync() },
  // Fetches each new deployment's OpenAPI document once and publishes the partner changelog, and stores the
  // deployment summaries the stage page's impact card reads (lib/portal).
  "portal-sync": {
    everyMs: PORTAL_SYNC_EVERY_MS,
    leaseMs: 2 * 60_000,
    run: () => withPriority("inventory", () => runPortalSync()),
  },
  // Quota (80 %/100 %) and rotated-key (24 h/1 h) alerts from synced usage and key records: database only, no AWS
  // call; each alert is claimed by a unique row before it is mailed, so it goes out once (lib/alerts).
  "partner-alerts": { everyMs: 60_000, leaseMs: 5 * 60_000, run: () => runPartnerAlerts() },
} as const;
export type JobName = keyof typeof JOBS;
export const isJobName = (s: string): s is JobName => s in JOBS;

const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

const g = globalThis as unknown as { __tollgateJobs?: boolean; __tollgateRunning?: Set<string> };
// The lease keeps other replicas out, but this process holds it under one holder name and may re-take it, so a
// second run here (a tick, Refresh, the test hook) must be kept out in memory. On globalThis: Next bundles the
// scheduler and the route handlers separately.
const running = (g.__tollgateRunning ??= new Set<string>());

async function runOnce<T>(name: JobName, run: () => Promise<T>): Promise<{ ran: boolean; result?: T }> {
  if (running.has(name)) return { ran: false };
  running.add(name);
  try {
    return await runUnderLease<T>(name, holder, JOBS[name].leaseMs, run);
  } finally {
    running.delete(name);
  }
}

/**
 * Runs a job now unless it is already running (here, or under its lease on another replica): `ran: false` then.
 * The lease (one per job, named after it) is renewed while the job runs, so a run longer than `leaseMs` never
 * overlaps another replica's.
 */
export async function runJob(name: JobName): Promise<{ ran: boolean; result?: unknown }> {
  return runOnce<unknown>(name, JOBS[name].run);
}

/** The test hook's inventory sweep: lists everything now (a scheduled sweep lists at most every 45 s), so an object a
 * test just created is in the inventory when the hook answers. */
export async function runInventorySweepNow(): Promise<{ ran: boolean; result?: unknown }> {
  return runOnce<unknown>("inventory-sync", () => runInventorySync({ listEveryMs: 0 }));
}

/** Starts a job in the background (Sync now); resolves once it has the lease or knows it cannot. */
export async function startJob(name: JobName): Promise<boolean> {
  let started!: (ran: boolean) => void;
  const gotLease = new Promise<boolean>((r) => (started = r));
  void runOnce<unknown>(name, () => {
    started(true);
    return JOBS[name].run();
  })
    .then((out) => started(out.ran))
    .catch((e: unknown) => {
      started(false);
      log.error({ err: e, job: name }, "job failed");
    });
  return gotLease;
}

/**
 * Starts the jobs (all, or the named ones); the first run of each is 5 s after start. A job starts every `everyMs`,
 * or as soon as its previous run ends when that took longer — never two at once — so a sweep longer than its
 * interval runs back to back instead of piling up.
 */
export function startScheduler(only?: readonly JobName[]): void {
  if (g.__tollgateJobs) return;
  g.__tollgateJobs = true;
  for (const name of only ?? (Object.keys(JOBS) as JobName[])) {
    const tick = () => {
      const t0 = Date.now();
      void runJob(name)
        .catch((e: unknown) => log.error({ err: e, job: name }, "scheduled job failed"))
        .finally(() => setTimeout(tick, Math.max(0, JOBS[name].everyMs - (Date.now() - t0))).unref());
    };
    setTimeout(tick, 5_000).unref();
  }
  log.info({ holder, jobs: only ?? Object.keys(JOBS) }, "background jobs started");
}
