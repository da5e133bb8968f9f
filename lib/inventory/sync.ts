import "server-only";
import { countAwsCalls } from "@/lib/aws/accounting";
import { listV2Apis, type V2ApiDto } from "@/lib/aws/http-apis";
import { withPriority } from "@/lib/aws/priority";
import { listRestApis, type RestApiDto } from "@/lib/aws/rest-apis";
import { listAwsPlans } from "@/lib/aws/usage-plans";
import { getInvSyncState, recordChange, setInvSyncState, watchedKeys } from "@/lib/db/gateway-changes";
import {
  deleteRestApi,
  deleteV2Api,
  inventoryTransaction,
  storedApiState,
  syncSnapshot,
  type InvScope,
} from "@/lib/db/inventory";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { syncPlans, syncRestApi, syncV2Api, type SyncCtx } from "./objects";
import { pacer, withBackoff } from "./pace";
import { inventoryScope } from "./scope";

/** A page viewed within this long is "watched": re-checked before the rest of the sweep, every WATCH_RECHECK_MS. */
export const WATCH_MS = 60_000;
export const WATCH_RECHECK_MS = 10_000;

export type InventorySyncOptions = { rps?: number; scope?: InvScope };
export type InventorySyncResult = {
  awsCalls: number;
  changes: number;
  apis: number;
  plans: number;
  ms: number;
};

/**
 * One sweep of the inventory (job `inventory-sync`; the caller holds its lease). List calls first — GetRestApis,
 * GetApis, GetUsagePlans — then one GetStages per API (stages carry lastUpdatedDate and every setting, so one call
 * tells whether anything changed); detail calls (GetDeployments + GetResources, GetUsagePlanKeys) only for what is
 * new or changed; objects AWS no longer lists are removed. Watched APIs (a page showed them in the last minute)
 * go first and are re-checked every 10 s during the sweep. All calls run at the "inventory" priority.
 */
export async function runInventorySync(opts: InventorySyncOptions = {}): Promise<InventorySyncResult> {
  const scope = opts.scope ?? inventoryScope();
  const started = Date.now();
  const prior = await getInvSyncState(scope);
  const ctx: SyncCtx = {
    scope,
    pace: pacer(opts.rps ?? env.INVENTORY_SYNC_RPS),
    importing: !prior?.lastSweepAt,
  };
  await setInvSyncState(scope, { sweepStartedAt: new Date(started) });
  try {
    const { result, total } = await withPriority("inventory", () => countAwsCalls(() => sweep(ctx)));
    const ms = Date.now() - started;
    await setInvSyncState(scope, {
      lastSweepAt: new Date(started),
      lastSweepCalls: total,
      lastSweepMs: ms,
      error: null,
    });
    return { ...result, awsCalls: total, ms };
  } catch (e) {
    await setInvSyncState(scope, { error: (e as Error).message.slice(0, 500) }).catch(() => undefined);
    log.error({ err: e }, "inventory sync failed");
    throw e;
  }
}

async function sweep(ctx: SyncCtx) {
  const { scope } = ctx;
  const snap = await syncSnapshot(scope);
  await ctx.pace();
  const rest = await withBackoff(listRestApis);
  await ctx.pace();
  const v2 = await withBackoff(listV2Apis);
  await ctx.pace();
  const plansReadAt = new Date();
  const plans = await withBackoff(() => listAwsPlans());
  let changes = 0;

  // APIs AWS no longer lists: gone with their stages.
  const listed = new Set([...rest.map((a) => `rest:${a.id}`), ...v2.map((a) => `v2:${a.id}`)]);
  for (const [kind, rows] of [
    ["rest", snap.restApis],
    ["v2", snap.v2Apis],
  ] as const) {
    for (const a of rows) {
      if (listed.has(`${kind}:${a.id}`)) continue;
      changes++;
      await inventoryTransaction(async (tx) => {
        await (kind === "rest" ? deleteRestApi(scope, a.id, tx) : deleteV2Api(scope, a.id, tx));
        await recordChange(
          scope,
          {
            objectType: kind === "rest" ? "rest-api" : "v2-api",
            apiId: a.id,
            objectName: a.name,
            kind: "deleted",
            source: "outside",
            summary: [`API ${a.name} deleted`],
            windowStart: a.syncedAt,
            windowEnd: new Date(),
          },
          tx,
        );
      });
    }
  }

  changes += (await syncPlans(ctx, plans, snap.plans, plansReadAt)).changes;

  const checked = new Map<string, number>();
  const work = new Map<string, () => Promise<{ changes: number }>>();
  // The stored state is re-read per API, so a re-check during the sweep compares with what the last check wrote.
  // Deployments not (yet) on any stage and resource edits leave no trace in GetStages: the REST API whose detail
  // is oldest gets its detail re-read each sweep (2 calls), so every API's is at most (APIs × sweep time) old.
  const oldestDetail = [...snap.restApis].sort(
    (a, b) => (a.detailAt?.getTime() ?? 0) - (b.detailAt?.getTime() ?? 0),
  )[0]?.id;
  const checkRest = (a: RestApiDto) => async () =>
    syncRestApi(ctx, a, await storedApiState(scope, "rest", a.id), a.id === oldestDetail);
  const checkV2 = (a: V2ApiDto) => async () => syncV2Api(ctx, a, await storedApiState(scope, "v2", a.id));
  for (const a of rest) work.set(`rest:${a.id}`, checkRest(a));
  for (const a of v2) work.set(`v2:${a.id}`, checkV2(a));

  const run = async (key: string) => {
    const fn = work.get(key);
    if (!fn) return;
    checked.set(key, Date.now());
    try {
      changes += (await fn()).changes;
    } catch (e) {
      // Deleted between the list call and its GetStages: the next sweep's list removes it.
      if (!(e instanceof AppError && e.code === "not_found")) throw e;
    }
  };
  const watched = async () =>
    (await watchedKeys(scope, new Date(Date.now() - WATCH_MS))).filter((k) => work.has(k));
  let lastWatchCheck = Date.now();
  const queue = [...new Set([...(await watched()), ...work.keys()])];
  for (const key of queue) {
    if (Date.now() - lastWatchCheck >= WATCH_RECHECK_MS) {
      lastWatchCheck = Date.now();
      for (const w of await watched())
        if (Date.now() - (checked.get(w) ?? 0) >= WATCH_RECHECK_MS) await run(w);
    }
    if (!checked.has(key)) await run(key);
  }
  return { changes, apis: rest.length + v2.length, plans: plans.length };
}
