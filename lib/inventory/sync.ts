import "server-only";
import { countAwsCalls } from "@/lib/aws/accounting";
import { listV2Apis, type V2ApiDto } from "@/lib/aws/http-apis";
import { withPriority } from "@/lib/aws/priority";
import { listRestApis, restEndpoint, type RestApiDto } from "@/lib/aws/rest-apis";
import { listAwsPlans } from "@/lib/aws/usage-plans";
import { getInvSyncState, recordChange, setInvSyncState, watchedKeys } from "@/lib/db/gateway-changes";
import {
  deleteRestApi,
  deleteV2Api,
  inventoryTransaction,
  knownApis,
  storedRestApiState,
  storedV2ApiState,
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
const WATCH_REFRESH_MS = 3_000;
/**
 * How often a sweep re-lists (GetRestApis, GetApis, GetUsagePlans) and re-reads the round-robin detail (one REST
 * API's GetDeployments + GetResources, one HTTP/WebSocket API's GetRoutes, two plans' GetUsagePlanKeys). In between, a sweep is one GetStages per known
 * API and nothing else: at the default 2 calls/s that is what decides how soon an outside stage change is seen
 * (60 APIs: each every ~30 s), so the rest is spread thinner. A stage on an unknown deployment still gets its
 * detail at once, and the first sweep lists.
 */
export const LIST_EVERY_MS = 45_000;
export const EXTRAS_EVERY_MS = 120_000;

export type InventorySyncOptions = {
  rps?: number;
  scope?: InvScope;
  /** 0: list (and re-read the round-robin detail) on this sweep whatever the time — tests. */
  listEveryMs?: number;
  extrasEveryMs?: number;
};
export type InventorySyncResult = {
  awsCalls: number;
  changes: number;
  apis: number;
  plans: number;
  ms: number;
  /** Whether this sweep made the list calls (else it checked the APIs the inventory knows). */
  listed: boolean;
};

// Per process and scope: when this replica last listed / re-read detail (a fresh replica lists on its first sweep).
const lastListAt = new Map<string, number>();
const lastExtrasAt = new Map<string, number>();

/**
 * One sweep of the inventory (job `inventory-sync`; the caller holds its lease). List calls first — GetRestApis,
 * GetApis, GetUsagePlans, at most every LIST_EVERY_MS (always until the first sweep is done) — then one GetStages
 * per API (stages carry lastUpdatedDate and every setting, so one call tells whether anything changed), the API
 * checked longest ago first; detail calls (GetDeployments + GetResources, GetUsagePlanKeys) only for what is new or
 * changed; objects AWS no longer lists are removed. Watched APIs (a page showed them in the last minute) go first
 * and are re-checked every 10 s during the sweep. All calls run at the "inventory" priority.
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
  const key = `${scope.account}/${scope.region}`;
  const due = (last: Map<string, number>, every: number) =>
    ctx.importing || started - (last.get(key) ?? 0) >= every;
  const what = {
    list: due(lastListAt, opts.listEveryMs ?? LIST_EVERY_MS),
    extras: due(lastExtrasAt, opts.extrasEveryMs ?? EXTRAS_EVERY_MS),
  };
  await setInvSyncState(scope, { sweepStartedAt: new Date(started) });
  try {
    const {
      result: { relist, ...result },
      total,
    } = await withPriority("inventory", () => countAwsCalls(() => sweep(ctx, what)));
    if (what.list) lastListAt.set(key, started);
    if (relist) lastListAt.delete(key);
    if (what.extras) lastExtrasAt.set(key, started);
    const ms = Date.now() - started;
    await setInvSyncState(scope, {
      lastSweepAt: new Date(started),
      lastSweepCalls: total,
      lastSweepMs: ms,
      error: null,
    });
    return { ...result, awsCalls: total, ms, listed: what.list };
  } catch (e) {
    await setInvSyncState(scope, { error: (e as Error).message.slice(0, 500) }).catch(() => undefined);
    log.error({ err: e }, "inventory sync failed");
    throw e;
  }
}

type Snapshot = Awaited<ReturnType<typeof syncSnapshot>>;

async function sweep(ctx: SyncCtx, what: { list: boolean; extras: boolean }) {
  const { scope } = ctx;
  const snap = await syncSnapshot(scope);
  let changes = 0;
  let rest: RestApiDto[];
  let v2: V2ApiDto[];
  let planCount = snap.plans.length;
  if (what.list) {
    await ctx.pace();
    rest = await withBackoff(listRestApis);
    await ctx.pace();
    v2 = await withBackoff(listV2Apis);
    await ctx.pace();
    const plansReadAt = new Date();
    const plans = await withBackoff(() => listAwsPlans());
    planCount = plans.length;
    changes += await removeUnlisted(ctx, snap, rest, v2);
    changes += (await syncPlans(ctx, plans, snap.plans, plansReadAt, what.extras ? 2 : 0)).changes;
  } else {
    const known = knownApis(snap);
    rest = known.rest.map((a) => ({ ...a, kind: "REST" as const, endpoint: restEndpoint(a.id) }));
    v2 = known.v2;
  }

  let relist = false;
  const checked = new Map<string, number>();
  const work = new Map<string, () => Promise<{ changes: number }>>();
  // The stored state is re-read per API, so a re-check during the sweep compares with what the last check wrote.
  // Deployments not (yet) on any stage and resource edits leave no trace in GetStages: the REST API whose detail
  // is oldest gets its detail re-read every EXTRAS_EVERY_MS (2 calls), so every API's is at most APIs × that old.
  const oldestDetail = what.extras
    ? [...snap.restApis].sort((a, b) => (a.detailAt?.getTime() ?? 0) - (b.detailAt?.getTime() ?? 0))[0]?.id
    : undefined;
  const checkRest = (a: RestApiDto) => async () =>
    syncRestApi(ctx, a, await storedRestApiState(scope, a.id), a.id === oldestDetail);
  // Likewise the HTTP/WebSocket API whose routes are oldest gets its GetRoutes re-read (1 call).
  const oldestRoutes = what.extras
    ? [...snap.v2Apis].sort((a, b) => (a.detailAt?.getTime() ?? 0) - (b.detailAt?.getTime() ?? 0))[0]?.id
    : undefined;
  const checkV2 = (a: V2ApiDto) => async () =>
    syncV2Api(ctx, a, await storedV2ApiState(scope, a.id), a.id === oldestRoutes);
  for (const a of rest) work.set(`rest:${a.id}`, checkRest(a));
  for (const a of v2) work.set(`v2:${a.id}`, checkV2(a));
  // Checked longest ago first (new ones first of all), so each API waits one sweep between two checks however
  // the sweeps are cut (a restart, a Refresh, watched re-checks).
  const checkedAt = new Map<string, number>([
    ...snap.restApis.map((a) => [`rest:${a.id}`, a.syncedAt.getTime()] as const),
    ...snap.v2Apis.map((a) => [`v2:${a.id}`, a.syncedAt.getTime()] as const),
  ]);
  const byAge = (a: string, b: string) => (checkedAt.get(a) ?? 0) - (checkedAt.get(b) ?? 0);

  const run = async (key: string) => {
    const fn = work.get(key);
    if (!fn) return;
    checked.set(key, Date.now());
    try {
      changes += (await fn()).changes;
    } catch (e) {
      // Deleted since the last list call: the next sweep lists, which removes it.
      if (!(e instanceof AppError && e.code === "not_found")) throw e;
      relist = true;
    }
  };
  const watched = async () =>
    (await watchedKeys(scope, new Date(Date.now() - WATCH_MS))).filter((k) => work.has(k));
  // Each watched API is re-checked once its own last check is WATCH_RECHECK_MS old (the stored one at first, so a
  // new sweep does not re-read what the last one just read); the watched set itself is re-read every few seconds.
  let watchedNow = await watched();
  let watchedReadAt = Date.now();
  const lastCheck = (k: string) => checked.get(k) ?? checkedAt.get(k) ?? 0;
  const queue = [...new Set([...watchedNow, ...[...work.keys()].sort(byAge)])];
  for (const key of queue) {
    if (Date.now() - watchedReadAt >= WATCH_REFRESH_MS) {
      watchedNow = await watched();
      watchedReadAt = Date.now();
    }
    for (const w of watchedNow) if (Date.now() - lastCheck(w) >= WATCH_RECHECK_MS) await run(w);
    if (!checked.has(key)) await run(key);
  }
  return { changes, apis: rest.length + v2.length, plans: planCount, relist };
}

/** APIs AWS no longer lists: gone with their stages, each recorded as an outside change. */
async function removeUnlisted(ctx: SyncCtx, snap: Snapshot, rest: RestApiDto[], v2: V2ApiDto[]) {
  const { scope } = ctx;
  let changes = 0;
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

  return changes;
}
