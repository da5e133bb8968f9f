import "server-only";
import { listDeployments } from "@/lib/aws/deployments";
import { listV2Routes, listV2Stages, type V2ApiDto, type V2RouteDto } from "@/lib/aws/http-apis";
import { listRestMethods, type RestApiDto } from "@/lib/aws/rest-apis";
import { listRestStages } from "@/lib/aws/stages";
import { countPlanKeys, type PlanDto } from "@/lib/aws/usage-plans";
import { recordChange } from "@/lib/db/gateway-changes";
import {
  deletePlanRow,
  inventoryTransaction,
  deleteRestStage,
  deleteV2Stage,
  putPlan,
  putRestStage,
  putV2Stage,
  setRestApiDetail,
  setV2ApiRoutes,
  upsertRestApi,
  upsertV2Api,
  type InvScope,
} from "@/lib/db/inventory";
import type { HttpStageDto, RestStageDto } from "@/lib/stages/types";
import { stageVersion } from "@/lib/stages/version";
import { httpStageDiff, planDiff, restStageDiff, routesDiff } from "./diff-words";
import { withBackoff } from "./pace";

/**
 * Brings one API's stages (or the usage plans) in the inventory up to what AWS just returned, recording each
 * difference no Tollgate write explains as an "outside" change. Used by the sync job and by Refresh.
 */
export type SyncCtx = {
  scope: InvScope;
  pace: () => Promise<void>;
  /** The first sweep imports the estate: no change events for what merely became known. */
  importing: boolean;
};

const call = async <T>(ctx: SyncCtx, fn: () => Promise<T>) => {
  await ctx.pace();
  return withBackoff(fn);
};

type StoredStage<T> = { stageName: string; data: T; digest: string };

/** One GetStages (plus GetDeployments + GetResources when a deployment appeared or detail was never read). */
export async function syncRestApi(
  ctx: SyncCtx,
  api: RestApiDto,
  stored: {
    stages: StoredStage<RestStageDto>[];
    checkedAt: Date | null;
    hasDetail: boolean;
    deploymentIds: string[];
  },
  forceDetail = false,
): Promise<{ changes: number }> {
  const readAt = new Date();
  const stages = await call(ctx, () => listRestStages(api.id));
  const before = new Map(stored.stages.map((s) => [s.stageName, s]));
  let changes = 0;
  // A stage on a deployment the inventory does not list (made by Tollgate, a pipeline or the console) means the
  // deployment history and, likely, the resources changed: re-read both.
  const known = new Set(stored.deploymentIds);
  let newDeployment =
    forceDetail ||
    !stored.hasDetail ||
    stages.some((s) => !known.has(s.deploymentId) || (s.canary && !known.has(s.canary.deploymentId)));
  const window = { windowStart: stored.checkedAt, windowEnd: readAt };
  for (const s of stages) {
    const old = before.get(s.stageName);
    before.delete(s.stageName);
    if (old && old.digest === stageVersion(s)) continue;
    const prev = old ? old.data : null;
    if (!prev || prev.deploymentId !== s.deploymentId || prev.canary?.deploymentId !== s.canary?.deploymentId)
      newDeployment = true;
    const words = prev ? restStageDiff(prev, s) : [`stage created on deployment ${s.deploymentId}`];
    await inventoryTransaction(async (tx) => {
      const stored = await putRestStage(ctx.scope, s, readAt, tx);
      if (!stored || words.length === 0 || ctx.importing) return;
      changes++;
      await recordChange(
        ctx.scope,
        {
          objectType: "rest-stage",
          apiId: api.id,
          stageName: s.stageName,
          objectName: `${api.name} / ${s.stageName}`,
          kind: prev ? "updated" : "created",
          source: "outside",
          summary: words,
          before: prev,
          after: s,
          awsAt: s.lastUpdatedDate,
          ...window,
        },
        tx,
      );
    });
  }
  for (const gone of before.values()) {
    await inventoryTransaction(async (tx) => {
      await deleteRestStage(ctx.scope, api.id, gone.stageName, tx);
      changes++;
      await recordChange(
        ctx.scope,
        {
          objectType: "rest-stage",
          apiId: api.id,
          stageName: gone.stageName,
          objectName: `${api.name} / ${gone.stageName}`,
          kind: "deleted",
          source: "outside",
          summary: [`stage ${gone.stageName} deleted`],
          before: gone.data,
          ...window,
        },
        tx,
      );
    });
  }
  await upsertRestApi(ctx.scope, api, readAt);
  if (newDeployment) {
    const deployments = await call(ctx, () => listDeployments(api.id));
    const methods = await call(ctx, () => listRestMethods(api.id));
    await setRestApiDetail(ctx.scope, api.id, { deployments, methods }, readAt);
  }
  return { changes };
}

/**
 * One GetStages of an HTTP or WebSocket API, plus GetRoutes when the API's routes were never read or `forceDetail`
 * (the sweep's round-robin detail re-read, and Refresh): GetStages says nothing about routes, so reading them on
 * every sweep would double the v2 share of the budget for what rarely changes.
 */
export async function syncV2Api(
  ctx: SyncCtx,
  api: V2ApiDto,
  stored: {
    stages: StoredStage<HttpStageDto>[];
    checkedAt: Date | null;
    routes: V2RouteDto[] | null;
    detailAt: Date | null;
  },
  forceDetail = false,
): Promise<{ changes: number }> {
  const readAt = new Date();
  const stages = await call(ctx, () => listV2Stages(api.id));
  const before = new Map(stored.stages.map((s) => [s.stageName, s]));
  let changes = 0;
  const window = { windowStart: stored.checkedAt, windowEnd: readAt };
  const kind = api.kind === "WEBSOCKET" ? ("WEBSOCKET" as const) : ("HTTP" as const);
  for (const s of stages) {
    const old = before.get(s.stageName);
    before.delete(s.stageName);
    if (old && old.digest === stageVersion(s)) continue;
    const prev = old ? old.data : null;
    const words = prev ? httpStageDiff(prev, s) : ["stage created"];
    await inventoryTransaction(async (tx) => {
      const stored = await putV2Stage(ctx.scope, s, readAt, tx);
      if (!stored || words.length === 0 || ctx.importing) return;
      changes++;
      await recordChange(
        ctx.scope,
        {
          objectType: "v2-stage",
          apiId: api.id,
          stageName: s.stageName,
          objectName: `${api.name} / ${s.stageName}`,
          kind: prev ? "updated" : "created",
          source: "outside",
          summary: words,
          before: prev,
          after: s,
          awsAt: s.lastUpdatedDate,
          ...window,
        },
        tx,
      );
    });
  }
  for (const gone of before.values()) {
    await inventoryTransaction(async (tx) => {
      await deleteV2Stage(ctx.scope, api.id, gone.stageName, tx);
      changes++;
      await recordChange(
        ctx.scope,
        {
          objectType: "v2-stage",
          apiId: api.id,
          stageName: gone.stageName,
          objectName: `${api.name} / ${gone.stageName}`,
          kind: "deleted",
          source: "outside",
          summary: [`stage ${gone.stageName} deleted`],
          before: gone.data,
          ...window,
        },
        tx,
      );
    });
  }
  await upsertV2Api(ctx.scope, { ...api, kind }, readAt);
  if (forceDetail || stored.routes === null) {
    const routesReadAt = new Date();
    const routes = await call(ctx, () => listV2Routes(api.id));
    const words = stored.routes ? routesDiff(stored.routes, routes) : [];
    await inventoryTransaction(async (tx) => {
      await setV2ApiRoutes(ctx.scope, api.id, routes, routesReadAt, tx);
      if (words.length === 0 || ctx.importing) return;
      changes++;
      await recordChange(
        ctx.scope,
        {
          objectType: "v2-api",
          apiId: api.id,
          objectName: api.name,
          kind: "updated",
          source: "outside",
          summary: words,
          before: stored.routes,
          after: routes,
          windowStart: stored.detailAt,
          windowEnd: routesReadAt,
        },
        tx,
      );
    });
  }
  return { changes };
}

type StoredPlan = { id: string; data: PlanDto; digest: string; keysAt: Date | null; syncedAt: Date };

/**
 * The usage plans from one GetUsagePlans: changed or new plans get their keys counted (GetUsagePlanKeys), and
 * `recount` more plans whose count is oldest, so key counts stay fresh without one call per plan per sweep.
 */
export async function syncPlans(
  ctx: SyncCtx,
  plans: PlanDto[],
  stored: StoredPlan[],
  readAt: Date,
  recount = 2,
): Promise<{ changes: number }> {
  const before = new Map(stored.map((p) => [p.id, p]));
  let changes = 0;
  const stale = [...stored]
    .sort((a, b) => (a.keysAt?.getTime() ?? 0) - (b.keysAt?.getTime() ?? 0))
    .slice(0, recount)
    .map((p) => p.id);
  for (const p of plans) {
    const old = before.get(p.id);
    before.delete(p.id);
    const changed = !old || old.digest !== stageVersion(p);
    if (!changed && !stale.includes(p.id)) continue;
    const keyCount = await call(ctx, () => countPlanKeys(p.id));
    const prev = old ? old.data : null;
    const words = !changed ? [] : prev ? planDiff(prev, p) : [`usage plan ${p.name} created`];
    await inventoryTransaction(async (tx) => {
      const ok = await putPlan(ctx.scope, p, readAt, keyCount, tx);
      if (!ok || words.length === 0 || ctx.importing) return;
      changes++;
      await recordChange(
        ctx.scope,
        {
          objectType: "usage-plan",
          apiId: p.id,
          objectName: `usage plan ${p.name}`,
          kind: prev ? "updated" : "created",
          source: "outside",
          summary: words,
          before: prev,
          after: p,
          windowStart: old?.syncedAt ?? null,
          windowEnd: readAt,
        },
        tx,
      );
    });
  }
  for (const gone of before.values()) {
    const prev = gone.data;
    await inventoryTransaction(async (tx) => {
      await deletePlanRow(ctx.scope, gone.id, tx);
      changes++;
      await recordChange(
        ctx.scope,
        {
          objectType: "usage-plan",
          apiId: gone.id,
          objectName: `usage plan ${prev.name}`,
          kind: "deleted",
          source: "outside",
          summary: [`usage plan ${prev.name} deleted`],
          before: prev,
          windowStart: gone.syncedAt,
          windowEnd: readAt,
        },
        tx,
      );
    });
  }
  return { changes };
}
