import "server-only";
import { listAllAwsKeys } from "@/lib/aws/api-keys";
import { countAwsCalls } from "@/lib/aws/accounting";
import { getUsagePage, listAwsPlans } from "@/lib/aws/usage-plans";
import { dayOf, now } from "@/lib/clock";
import { keyOwners, replaceSeenKeys } from "@/lib/db/api-keys";
import { savePlanSnapshots } from "@/lib/db/subscriptions";
import { getSyncState, setSyncState, upsertUsage, type UsageCell } from "@/lib/db/usage";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { addUtcDays, shiftDays, utcDay } from "@/lib/dates";
import { replaceKeyGaps } from "@/lib/db/drift";
import { inventoryScope } from "@/lib/inventory/scope";

export type SyncOptions = {
  /** Days back from today (inclusive of today); default: 4 (today + 3), or 90 when nothing was ever synced. */
  days?: number;
  /** Control-plane calls a second; AWS's budget is 10 for the account, we default to 8 to leave room. */
  rps?: number;
};
export type SyncResult = {
  days: number;
  plans: number;
  keys: number;
  rowsWritten: number;
  awsCalls: number;
  ms: number;
};

/** Spaces calls to at most `rps` a second (a shared, monotonic slot clock) so a sync never bursts AWS's budget. */
function pacer(rps: number) {
  const gap = 1000 / rps;
  let next = 0;
  return async () => {
    const t = Date.now();
    const at = Math.max(t, next);
    next = at + gap;
    if (at > t) await new Promise((r) => setTimeout(r, at - t));
  };
}

/** Retries throttling (with AWS's Retry-After, else 1, 2, 4, 8 s) and transient failures a few times. */
async function withBackoff<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      const code = e instanceof AppError ? e.code : "internal";
      if (attempt >= 4 || !["throttled", "unavailable"].includes(code)) throw e;
      const wait =
        e instanceof AppError && e.retryAfterSeconds ? e.retryAfterSeconds * 1000 : 1000 * 2 ** attempt;
      await new Promise((r) => setTimeout(r, Math.min(wait, 20_000)));
    }
  }
}

/**
 * The usage sync: every usage plan, every key, every page of GetUsage for a rolling window, into usage_daily with
 * an idempotent upsert. Also refreshes plan snapshots and the list of keys seen in AWS (for orphan detection).
 * The caller holds the "usage-sync" lease.
 */
export async function runUsageSync(opts: SyncOptions = {}): Promise<SyncResult> {
  const started = Date.now();
  const prior = await getSyncState();
  const days = opts.days ?? (prior.lastSuccessAt ? 4 : 90);
  const pace = pacer(opts.rps ?? 8);
  const today = now();
  const endDate = dayOf(today);
  const startDate = utcDay(shiftDays(today, -(days - 1)));
  await setSyncState({
    running: true,
    startedAt: new Date(),
    done: 0,
    total: 0,
    rows: 0,
    awsCalls: 0,
    error: null,
  });
  try {
    const { result, total } = await countAwsCalls(async () => {
      const plans = await withBackoff(() => listAwsPlans(pace));
      await savePlanSnapshots(plans, { complete: true });
      const keysListedAt = new Date();
      const awsKeys = await withBackoff(() => listAllAwsKeys(pace));
      await replaceSeenKeys(awsKeys, new Date());
      // The Drift view's "records whose AWS key is gone" (lib/db/drift.ts), from the same listing.
      await replaceKeyGaps(inventoryScope(), new Set(awsKeys.map((k) => k.id)), keysListedAt);
      const owners = await keyOwners();
      const customer = new Map(awsKeys.map((k) => [k.id, k.customerId]));
      await setSyncState({ total: plans.length });
      let rowsWritten = 0;
      let done = 0;
      for (const plan of plans) {
        let position: string | undefined;
        do {
          await pace();
          const page = await withBackoff(() => getUsagePage(plan.id, startDate, endDate, position));
          const cells: UsageCell[] = [];
          for (const [keyId, rows] of Object.entries(page.values))
            rows.forEach((r, i) =>
              cells.push({
                apiKeyId: keyId,
                usagePlanId: plan.id,
                tenantId: owners.get(keyId) ?? customer.get(keyId) ?? null,
                day: addUtcDays(startDate, i),
                requests: r[0] ?? 0,
              }),
            );
          rowsWritten += await upsertUsage(cells);
          position = page.position;
        } while (position);
        done++;
        await setSyncState({ done, rows: rowsWritten });
      }
      return { plans: plans.length, keys: awsKeys.length, rowsWritten };
    });
    const finished = new Date();
    await setSyncState({ running: false, finishedAt: finished, lastSuccessAt: finished, awsCalls: total });
    return { days, ...result, awsCalls: total, ms: Date.now() - started };
  } catch (e) {
    log.error({ err: e }, "usage sync failed");
    await setSyncState({
      running: false,
      finishedAt: new Date(),
      error: e instanceof AppError ? e.message : "The sync failed; see the server log.",
    });
    throw e;
  }
}

/**
 * Pulls one key's usage (every plan of its tenant, last `days` days) before the key is deleted: AWS forgets a
 * deleted key's usage, and usage must stay with the tenant across rotations and deletions.
 */
export async function syncKeyUsage(
  keyId: string,
  tenantId: string,
  planIds: string[],
  days = 4,
): Promise<void> {
  const today = now();
  const endDate = dayOf(today);
  const startDate = utcDay(shiftDays(today, -(days - 1)));
  for (const planId of planIds) {
    let page;
    try {
      page = await getUsagePage(planId, startDate, endDate, undefined, keyId);
    } catch (e) {
      if (e instanceof AppError && e.code === "not_found") continue; // the key is not in this plan
      throw e;
    }
    const cells: UsageCell[] = [];
    for (const [id, rows] of Object.entries(page.values))
      rows.forEach((r, i) =>
        cells.push({
          apiKeyId: id,
          usagePlanId: planId,
          tenantId,
          day: addUtcDays(startDate, i),
          requests: r[0] ?? 0,
        }),
      );
    await upsertUsage(cells);
  }
}
