import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { restEndpoint } from "@/lib/aws/rest-apis";
import type { PlanDto } from "@/lib/aws/usage-plans";
import { getInvSyncState, recentOutsideChanges, stageChanges, touchWatch } from "@/lib/db/gateway-changes";
import { leaseHeld } from "@/lib/db/leases";
import { invApis, invPlans, invRestApi, invV2Api, type InvScope } from "@/lib/db/inventory";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { ApiSummaryDto, DeploymentDto } from "@/lib/stages/types";
import { stageVersion } from "@/lib/stages/version";
import { refreshObject } from "./refresh";
import { inventoryScope } from "./scope";

/**
 * The operator pages' reads from the inventory: the same shapes as the live loaders in lib/apis/loaders.ts, and no
 * AWS call at steady state. `inventoryReadable()` false (INVENTORY_READS=off, or no sweep has finished or is under
 * way) sends the loaders back to live reads. An object the inventory does not hold yet (created a moment ago, or
 * not reached by the first sweep) is read through once (refreshObject, rate-limited per object) before the page says
 * it does not exist.
 */

/** The inventory is complete: a full sweep has finished (the Drift view needs this much). */
export async function inventoryReady(scope: InvScope = inventoryScope()): Promise<boolean> {
  return (await inventoryPhase(scope)) === "ready";
}

/**
 * Pages read the inventory once it is complete, and also while its first sweep is under way ("warming"): reading
 * AWS live then would spend the very budget the sweep needs (a live APIs list is 2 + one GetStages per API), and
 * starve it. While warming, an object page reads through what the sweep has not reached yet (its own few calls,
 * then free) and the lists say they may be incomplete.
 */
export async function inventoryReadable(scope: InvScope = inventoryScope()): Promise<boolean> {
  return (await inventoryPhase(scope)) !== "off";
}

export const INVENTORY_JOB = "inventory-sync";

// One render reads the sync state and an object's row several times (its loader, the freshness line, the
// overview's cards): once per request is enough, and the "as of" line then describes exactly the row the page shows.
// React's cache() is per request (render) and keyed by its arguments' identity, hence the primitive keys; outside a
// render (jobs, route handlers, tests) it does not cache at all.
const syncStateOf = cache((account: string, region: string) => getInvSyncState({ account, region }));
const cachedRestApi = cache((actor: Actor, account: string, region: string, id: string) =>
  invRestApi(actor, { account, region }, id),
);
const cachedV2Api = cache((actor: Actor, account: string, region: string, id: string) =>
  invV2Api(actor, { account, region }, id),
);

async function inventoryPhase(scope: InvScope): Promise<"off" | "warming" | "ready"> {
  if (env.INVENTORY_READS === "off") return "off";
  const state = await syncStateOf(scope.account, scope.region);
  if (state?.lastSweepAt) return "ready";
  // The first sweep runs under its job's lease; a sweep that died with its replica lets go within the lease time.
  return state?.sweepStartedAt && (await leaseHeld(INVENTORY_JOB)) ? "warming" : "off";
}

// Marking a page as watched costs a database write; once per object per 15 s per replica is plenty for a
// "viewed in the last minute" set.
const watchedAt = new Map<string, number>();
function watch(scope: InvScope, key: string) {
  const t = Date.now();
  if (t - (watchedAt.get(key) ?? 0) < 15_000) return;
  watchedAt.set(key, t);
  void touchWatch(scope, key, new Date(t)).catch(() => undefined);
}

const notFound = (what: string) => new AppError("not_found", `${what} was not found in API Gateway.`);

/** `firstLoad` (default `load`): the first look, which may come from the request's cache; after a refresh, `load`. */
async function readThrough<T>(
  load: () => Promise<T | null>,
  target: { kind: "rest" | "v2"; id: string },
  firstLoad = load,
) {
  const first = await firstLoad();
  if (first) return first;
  try {
    await refreshObject(target);
  } catch (e) {
    // Throttled by our own per-object limit, or AWS says it does not exist: either way, it is not here.
    if (!(e instanceof AppError) || !["throttled", "not_found"].includes(e.code)) throw e;
  }
  return load();
}

export async function invLoadApiList(actor: Actor): Promise<ApiSummaryDto[]> {
  const { rest, v2 } = await invApis(actor, inventoryScope());
  return [
    ...rest.map((a) => ({
      id: a.id,
      kind: "REST" as const,
      name: a.name,
      description: a.description,
      createdDate: a.createdDate,
      endpoint: restEndpoint(a.id),
      tags: a.tags,
      stages: a.stages.map((s) => s.stageName),
      canaryStages: a.stages.filter((s) => s.canaryPercent !== null).map((s) => s.stageName),
    })),
    ...v2.map((a) => ({
      id: a.id,
      kind: a.kind === "WEBSOCKET" ? ("WEBSOCKET" as const) : ("HTTP" as const),
      name: a.name,
      description: a.description,
      createdDate: a.createdDate,
      endpoint: a.endpoint,
      tags: a.tags,
      stages: a.stages.map((s) => s.stageName),
      canaryStages: [],
    })),
  ].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** `fresh`: after a read-through, skip the request's copy (it may be the miss that caused the read-through). */
async function restApiFromInventory(actor: Actor, restApiId: string, fresh = false) {
  const scope = inventoryScope();
  const load = () => invRestApi(actor, scope, restApiId);
  const row = await readThrough(
    load,
    { kind: "rest", id: restApiId },
    fresh ? load : () => cachedRestApi(actor, scope.account, scope.region, restApiId),
  );
  if (!row) throw notFound("This REST API");
  watch(scope, `rest:${restApiId}`);
  const api = {
    id: row.api.id,
    kind: "REST" as const,
    name: row.api.name,
    description: row.api.description,
    createdDate: row.api.createdDate,
    endpoint: restEndpoint(row.api.id),
    tags: row.api.tags,
  };
  return { api, row, asOf: row.api.syncedAt };
}

export async function invLoadRestApi(actor: Actor, restApiId: string) {
  const { api, row } = await restApiFromInventory(actor, restApiId);
  const deployments: DeploymentDto[] = row.deployments ?? [];
  return {
    api,
    stages: row.stages,
    deployments: deployments.map((d) => ({
      ...d,
      usedBy: row.stages.flatMap((s) => [
        ...(s.deploymentId === d.id ? [s.stageName] : []),
        ...(s.canary?.deploymentId === d.id ? [`${s.stageName} (canary)`] : []),
      ]),
    })),
  };
}

export async function invLoadRestStage(actor: Actor, restApiId: string, stageName: string) {
  let { api, row } = await restApiFromInventory(actor, restApiId);
  let stage = row.stages.find((s) => s.stageName === stageName);
  if (!stage) {
    // A stage created a moment ago (outside Tollgate): read the API through once before saying it does not exist.
    await readThrough(async () => null, { kind: "rest", id: restApiId });
    ({ api, row } = await restApiFromInventory(actor, restApiId, true));
    stage = row.stages.find((s) => s.stageName === stageName);
  }
  if (!stage) throw notFound(`Stage ${stageName}`);
  return {
    api,
    stage,
    version: stageVersion(stage),
    deployments: row.deployments ?? [],
    methods: row.methods ?? [],
  };
}

async function v2FromInventory(actor: Actor, apiId: string) {
  const scope = inventoryScope();
  const row = await readThrough(
    () => invV2Api(actor, scope, apiId),
    { kind: "v2", id: apiId },
    () => cachedV2Api(actor, scope.account, scope.region, apiId),
  );
  if (!row) throw notFound("This API");
  watch(scope, `v2:${apiId}`);
  return {
    api: {
      id: row.api.id,
      kind: row.api.kind === "WEBSOCKET" ? ("WEBSOCKET" as const) : ("HTTP" as const),
      name: row.api.name,
      description: row.api.description,
      createdDate: row.api.createdDate,
      endpoint: row.api.endpoint,
      tags: row.api.tags,
      routeSelectionExpression: row.api.routeSelectionExpression,
    },
    stages: row.stages,
    /** Null until the sync has read this API's routes (it does when it first sees the API). */
    routes: row.routes,
  };
}

export async function invLoadHttpApi(actor: Actor, apiId: string) {
  return v2FromInventory(actor, apiId);
}

export async function invLoadHttpStage(actor: Actor, apiId: string, stageName: string) {
  const { api, stages } = await v2FromInventory(actor, apiId);
  const stage = stages.find((s) => s.stageName === stageName);
  return { api, stage: stage ?? null, version: stage ? stageVersion(stage) : "" };
}

/** The usage plans page: plans, key counts and the REST stages a plan may cover, all from the inventory. */
export async function invLoadPlansPage(actor: Actor) {
  const scope = inventoryScope();
  const [plans, apis] = await Promise.all([invPlans(actor, scope), invApis(actor, scope)]);
  return {
    plans: plans.map((p) => p.plan) as PlanDto[],
    keyCounts: plans.map((p) => p.keyCount),
    stages: apis.rest.map((a) => ({
      apiId: a.id,
      apiName: a.name,
      stages: a.stages.map((s) => s.stageName),
    })),
  };
}

export type Freshness = { asOf: string | null; live: boolean; warming: boolean };

/**
 * How fresh what the page shows is: the time the object (or, for lists, the last full sweep) was read from AWS.
 * `live` when the page read AWS itself (inventory off or not yet synced); `warming` while the first sweep is under
 * way (lists may be incomplete).
 */
export async function freshness(
  actor: Actor,
  target: { kind: "rest" | "v2"; id: string } | { kind: "all" },
): Promise<Freshness> {
  assertCan(actor, "ops.view");
  const scope = inventoryScope();
  const phase = await inventoryPhase(scope);
  if (phase === "off") return { asOf: null, live: true, warming: false };
  const warming = phase === "warming";
  if (target.kind === "all") {
    const s = await syncStateOf(scope.account, scope.region);
    return { asOf: s?.lastSweepAt?.toISOString() ?? null, live: false, warming };
  }
  // The row the page itself read in this request; read again when that was a miss (a read-through may have filled it).
  const row =
    target.kind === "rest"
      ? ((await cachedRestApi(actor, scope.account, scope.region, target.id)) ??
        (await invRestApi(actor, scope, target.id)))
      : ((await cachedV2Api(actor, scope.account, scope.region, target.id)) ??
        (await invV2Api(actor, scope, target.id)));
  return { asOf: row?.api.syncedAt.toISOString() ?? null, live: false, warming };
}

/** A stage's Changes timeline (Tollgate's and outside changes together), newest first. */
export async function loadStageChanges(actor: Actor, apiId: string, stageName: string) {
  return stageChanges(actor, inventoryScope(), apiId, stageName);
}

/** Outside changes of the last 24 hours (the overview's badge). */
export async function loadOutsideChanges(actor: Actor) {
  return recentOutsideChanges(actor, inventoryScope(), new Date(Date.now() - 86_400_000));
}
export type { ChangeDto } from "@/lib/db/gateway-changes";
