import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import type { V2RouteDto } from "@/lib/stages/types";
import type { PlanDto } from "@/lib/aws/usage-plans";
import type { DeploymentDto, HttpStageDto, RestStageDto } from "@/lib/stages/types";
import type { MethodRefDto } from "@/lib/aws/rest-apis";
import { stageVersion } from "@/lib/stages/version";
import { db, type Tx } from "./client";
import { bumpInventoryGeneration, memoInventoryRead } from "./inventory-memo";
import {
  deployments as deploymentsSchema,
  httpStage,
  methodRefs,
  planDto,
  readJson,
  readJsonOrNull,
  restStage,
  stringRecord,
  toJson,
  v2Routes,
} from "./json";

/**
 * The gateway inventory's objects (prisma `// ── inventory`). Writers: lib/inventory (the sync job, Refresh, and
 * Tollgate's own writes); readers: the operator pages through lib/inventory/read.ts (ops.view re-checked here).
 * Every function takes the scope (AWS account + region) the rows belong to.
 */
export type InvScope = { account: string; region: string };

export type RestApiRow = {
  id: string;
  name: string;
  description: string | null;
  createdDate: string | null;
  tags: Record<string, string>;
};
export type V2ApiRow = RestApiRow & {
  kind: "HTTP" | "WEBSOCKET";
  endpoint: string;
  routeSelectionExpression: string | null;
};

const tagsOf = (t: unknown, table: string) => readJson(stringRecord, t, `${table}.tags`);
const restStageOf = (d: unknown) => readJson(restStage, d, "inv_rest_stage.data");
const httpStageOf = (d: unknown) => readJson(httpStage, d, "inv_v2_stage.data");
const planOf = (d: unknown) => readJson(planDto, d, "inv_usage_plan.data");
const routesOf = (r: unknown) => readJsonOrNull(v2Routes, r, "inv_v2_api.routes");

// ─── Reads for the sync (no actor: the job and Tollgate's writers) ───────────────────────────────────
export async function syncSnapshot(scope: InvScope) {
  const [restApis, v2Apis, plans] = await Promise.all([
    db.invRestApi.findMany({ where: scope }),
    db.invV2Api.findMany({ where: scope }),
    db.invUsagePlan.findMany({ where: scope }),
  ]);
  return { restApis, v2Apis, plans: plans.map((p) => ({ ...p, data: planOf(p.data) })) };
}

/** The APIs a snapshot holds, as the list calls return them: a sweep that does not re-list checks these. */
export function knownApis(snap: Awaited<ReturnType<typeof syncSnapshot>>): {
  rest: RestApiRow[];
  v2: V2ApiRow[];
} {
  const base = (a: { id: string; name: string; description: string | null; createdDate: string | null }) => ({
    id: a.id,
    name: a.name,
    description: a.description,
    createdDate: a.createdDate,
  });
  return {
    rest: snap.restApis.map((a) => ({ ...base(a), tags: tagsOf(a.tags, "inv_rest_api") })),
    v2: snap.v2Apis.map((a) => ({
      ...base(a),
      tags: tagsOf(a.tags, "inv_v2_api"),
      kind: a.kind === "WEBSOCKET" ? ("WEBSOCKET" as const) : ("HTTP" as const),
      endpoint: a.endpoint,
      routeSelectionExpression: a.routeSelectionExpression,
    })),
  };
}

export async function storedRestStage(scope: InvScope, restApiId: string, stageName: string) {
  const row = await db.invRestStage.findUnique({
    where: { account_region_restApiId_stageName: { ...scope, restApiId, stageName } },
  });
  return row ? restStageOf(row.data) : null;
}

export async function storedV2Stage(scope: InvScope, apiId: string, stageName: string) {
  const row = await db.invV2Stage.findUnique({
    where: { account_region_apiId_stageName: { ...scope, apiId, stageName } },
  });
  return row ? httpStageOf(row.data) : null;
}

export async function storedPlan(scope: InvScope, id: string) {
  const row = await db.invUsagePlan.findUnique({ where: { account_region_id: { ...scope, id } } });
  return row ? { plan: planOf(row.data), keyCount: row.keyCount } : null;
}

/**
 * Every write to the inventory's rows goes through here: the per-replica memo of list reads (inventory-memo.ts) is
 * dropped before the write and again after it, so no read that overlapped it is served afterwards.
 */
async function written<T>(write: () => Promise<T>): Promise<T> {
  bumpInventoryGeneration();
  try {
    return await write();
  } finally {
    bumpInventoryGeneration();
  }
}

// ─── Writes ───────────────────────────────────────────────────────────────────────────────────────────
export async function upsertRestApi(scope: InvScope, a: RestApiRow, at: Date, tx: Tx | typeof db = db) {
  return written(async () => {
    const data = {
      name: a.name,
      description: a.description,
      createdDate: a.createdDate,
      tags: toJson(a.tags),
      syncedAt: at,
    };
    await tx.invRestApi.upsert({
      where: { account_region_id: { ...scope, id: a.id } },
      create: { ...scope, id: a.id, ...data },
      update: data,
    });
  });
}

/** Resources/methods and deployments (the detail calls), written only when they were read. */
export async function setRestApiDetail(
  scope: InvScope,
  id: string,
  detail: { methods?: MethodRefDto[]; deployments?: DeploymentDto[] },
  at: Date,
) {
  return written(async () => {
    await db.invRestApi.updateMany({
      where: { ...scope, id },
      data: {
        ...(detail.methods ? { methods: toJson(detail.methods) } : {}),
        ...(detail.deployments ? { deployments: toJson(detail.deployments) } : {}),
        detailAt: at,
      },
    });
  });
}

/** A REST API and everything under it (stages). */
export async function deleteRestApi(scope: InvScope, id: string, tx: Tx | typeof db = db) {
  return written(async () => {
    await tx.invRestStage.deleteMany({ where: { ...scope, restApiId: id } });
    await tx.invRestApi.deleteMany({ where: { ...scope, id } });
  });
}

/**
 * Stores a REST stage as read at `readAt`. Compare-and-set: a row written after `readAt` (a Tollgate write that
 * landed while this read was in flight) is newer than what we hold, so it is kept. False when skipped.
 */
export async function putRestStage(scope: InvScope, s: RestStageDto, readAt: Date, tx: Tx | typeof db = db) {
  return written(async () => {
    const data = {
      data: toJson(s),
      digest: stageVersion(s),
      deploymentId: s.deploymentId,
      canaryPercent: s.canary?.percentTraffic ?? null,
      lastUpdatedDate: s.lastUpdatedDate,
      syncedAt: readAt,
    };
    const key = { ...scope, restApiId: s.restApiId, stageName: s.stageName };
    const updated = await tx.invRestStage.updateMany({ where: { ...key, syncedAt: { lte: readAt } }, data });
    if (updated.count > 0) return true;
    if (await tx.invRestStage.findUnique({ where: { account_region_restApiId_stageName: key } }))
      return false;
    await tx.invRestStage.create({ data: { ...key, ...data } });
    return true;
  });
}

export async function deleteRestStage(
  scope: InvScope,
  restApiId: string,
  stageName: string,
  tx: Tx | typeof db = db,
) {
  return written(async () => {
    await tx.invRestStage.deleteMany({ where: { ...scope, restApiId, stageName } });
  });
}

export async function upsertV2Api(scope: InvScope, a: V2ApiRow, at: Date, tx: Tx | typeof db = db) {
  return written(async () => {
    const data = {
      kind: a.kind,
      name: a.name,
      description: a.description,
      createdDate: a.createdDate,
      endpoint: a.endpoint,
      tags: toJson(a.tags),
      routeSelectionExpression: a.routeSelectionExpression,
      syncedAt: at,
    };
    await tx.invV2Api.upsert({
      where: { account_region_id: { ...scope, id: a.id } },
      create: { ...scope, id: a.id, ...data },
      update: data,
    });
  });
}

/** An HTTP/WebSocket API's routes (GetRoutes, the detail call), written only when they were read. */
export async function setV2ApiRoutes(
  scope: InvScope,
  id: string,
  routes: V2RouteDto[],
  at: Date,
  tx: Tx | typeof db = db,
) {
  await tx.invV2Api.updateMany({ where: { ...scope, id }, data: { routes: toJson(routes), detailAt: at } });
}

export async function deleteV2Api(scope: InvScope, id: string, tx: Tx | typeof db = db) {
  return written(async () => {
    await tx.invV2Stage.deleteMany({ where: { ...scope, apiId: id } });
    await tx.invV2Api.deleteMany({ where: { ...scope, id } });
  });
}

/** As putRestStage, for an HTTP/WebSocket stage. */
export async function putV2Stage(scope: InvScope, s: HttpStageDto, readAt: Date, tx: Tx | typeof db = db) {
  return written(async () => {
    const data = {
      data: toJson(s),
      digest: stageVersion(s),
      lastUpdatedDate: s.lastUpdatedDate,
      syncedAt: readAt,
    };
    const key = { ...scope, apiId: s.apiId, stageName: s.stageName };
    const updated = await tx.invV2Stage.updateMany({ where: { ...key, syncedAt: { lte: readAt } }, data });
    if (updated.count > 0) return true;
    if (await tx.invV2Stage.findUnique({ where: { account_region_apiId_stageName: key } })) return false;
    await tx.invV2Stage.create({ data: { ...key, ...data } });
    return true;
  });
}

export async function deleteV2Stage(
  scope: InvScope,
  apiId: string,
  stageName: string,
  tx: Tx | typeof db = db,
) {
  return written(async () => {
    await tx.invV2Stage.deleteMany({ where: { ...scope, apiId, stageName } });
  });
}

/** A usage plan as read at `readAt` (compare-and-set like putRestStage); keyCount only when it was counted. */
export async function putPlan(
  scope: InvScope,
  p: PlanDto,
  readAt: Date,
  keyCount?: number,
  tx: Tx | typeof db = db,
) {
  return written(async () => {
    const data = {
      name: p.name,
      data: toJson(p),
      digest: stageVersion(p),
      syncedAt: readAt,
      ...(keyCount !== undefined ? { keyCount, keysAt: readAt } : {}),
    };
    const key = { ...scope, id: p.id };
    const updated = await tx.invUsagePlan.updateMany({ where: { ...key, syncedAt: { lte: readAt } }, data });
    if (updated.count > 0) return true;
    if (await tx.invUsagePlan.findUnique({ where: { account_region_id: key } })) return false;
    await tx.invUsagePlan.create({ data: { ...key, ...data } });
    return true;
  });
}

export async function deletePlanRow(scope: InvScope, id: string, tx: Tx | typeof db = db) {
  return written(async () => {
    await tx.invUsagePlan.deleteMany({ where: { ...scope, id } });
  });
}

// ─── Reads for pages (operators: ops.view) ────────────────────────────────────────────────────────────
/**
 * Every API with its stage names (no JSON but the tags): what the list pages show. Shared for a moment per replica
 * (inventory-memo.ts: dropped by any inventory write here, at most MEMO_TTL_MS old otherwise); callers must not
 * mutate the result.
 */
export async function invApis(actor: Actor, scope: InvScope) {
  assertCan(actor, "ops.view");
  return memoInventoryRead(`apis:${scope.account}:${scope.region}`, () => readApis(scope));
}

const apiListColumns = { id: true, name: true, description: true, createdDate: true, tags: true } as const;

async function readApis(scope: InvScope) {
  const [rest, restStages, v2, v2Stages] = await Promise.all([
    db.invRestApi.findMany({ where: scope, select: { ...apiListColumns, syncedAt: true } }),
    db.invRestStage.findMany({
      where: scope,
      select: { restApiId: true, stageName: true, canaryPercent: true },
      orderBy: { stageName: "asc" },
    }),
    db.invV2Api.findMany({
      where: scope,
      select: {
        ...apiListColumns,
        kind: true,
        endpoint: true,
        routeSelectionExpression: true,
        syncedAt: true,
      },
    }),
    db.invV2Stage.findMany({
      where: scope,
      select: { apiId: true, stageName: true },
      orderBy: { stageName: "asc" },
    }),
  ]);
  const byApi = <S extends object>(rows: S[], idOf: (s: S) => string) => {
    const m = new Map<string, S[]>();
    for (const r of rows) {
      const list = m.get(idOf(r));
      if (list) list.push(r);
      else m.set(idOf(r), [r]);
    }
    return (id: string) => m.get(id) ?? [];
  };
  const restOf = byApi(restStages, (s) => s.restApiId);
  const v2Of = byApi(v2Stages, (s) => s.apiId);
  return {
    rest: rest.map((a) => ({ ...a, tags: tagsOf(a.tags, "inv_rest_api"), stages: restOf(a.id) })),
    v2: v2.map((a) => ({ ...a, tags: tagsOf(a.tags, "inv_v2_api"), stages: v2Of(a.id) })),
  };
}

export async function invRestApi(actor: Actor, scope: InvScope, id: string) {
  assertCan(actor, "ops.view");
  const [api, stages] = await Promise.all([
    db.invRestApi.findUnique({ where: { account_region_id: { ...scope, id } } }),
    db.invRestStage.findMany({ where: { ...scope, restApiId: id }, orderBy: { stageName: "asc" } }),
  ]);
  if (!api) return null;
  return {
    api: { ...api, tags: tagsOf(api.tags, "inv_rest_api") },
    methods: readJsonOrNull(methodRefs, api.methods, "inv_rest_api.methods"),
    deployments: readJsonOrNull(deploymentsSchema, api.deployments, "inv_rest_api.deployments"),
    stages: stages.map((s) => restStageOf(s.data)),
  };
}

export async function invV2Api(actor: Actor, scope: InvScope, id: string) {
  assertCan(actor, "ops.view");
  const [api, stages] = await Promise.all([
    db.invV2Api.findUnique({ where: { account_region_id: { ...scope, id } } }),
    db.invV2Stage.findMany({ where: { ...scope, apiId: id }, orderBy: { stageName: "asc" } }),
  ]);
  if (!api) return null;
  return {
    api: { ...api, tags: tagsOf(api.tags, "inv_v2_api") },
    stages: stages.map((s) => httpStageOf(s.data)),
    routes: routesOf(api.routes),
  };
}

/** Every usage plan, by name; memoized per replica like invApis (callers must not mutate the result). */
export async function invPlans(actor: Actor, scope: InvScope) {
  assertCan(actor, "ops.view");
  return memoInventoryRead(`plans:${scope.account}:${scope.region}`, async () => {
    const rows = await db.invUsagePlan.findMany({ where: scope, orderBy: { name: "asc" } });
    return rows.map((r) => ({ plan: planOf(r.data), keyCount: r.keyCount, syncedAt: r.syncedAt }));
  });
}

/** One transaction for an object row and its change event (lib/inventory writes them together). */
export function inventoryTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  // The writes inside bump the memo's generation before they commit; bump again once the commit is visible.
  return written(() => db.$transaction(fn));
}

/** What the sync compares one REST API's fresh GetStages with: its stored stages and when it was last checked. */
export async function storedRestApiState(scope: InvScope, id: string) {
  const [api, stages] = await Promise.all([
    db.invRestApi.findUnique({ where: { account_region_id: { ...scope, id } } }),
    db.invRestStage.findMany({ where: { ...scope, restApiId: id } }),
  ]);
  const deployments = readJsonOrNull(deploymentsSchema, api?.deployments ?? null, "inv_rest_api.deployments");
  return {
    stages: stages.map((st) => ({ stageName: st.stageName, digest: st.digest, data: restStageOf(st.data) })),
    checkedAt: api?.syncedAt ?? null,
    hasDetail: Boolean(api?.deployments && api.methods),
    deploymentIds: deployments?.map((d) => d.id) ?? [],
  };
}

/** As storedRestApiState, for an HTTP or WebSocket API. */
export async function storedV2ApiState(scope: InvScope, id: string) {
  const [api, stages] = await Promise.all([
    db.invV2Api.findUnique({ where: { account_region_id: { ...scope, id } } }),
    db.invV2Stage.findMany({ where: { ...scope, apiId: id } }),
  ]);
  return {
    stages: stages.map((st) => ({ stageName: st.stageName, digest: st.digest, data: httpStageOf(st.data) })),
    checkedAt: api?.syncedAt ?? null,
    /** Null until GetRoutes was first read for this API; `detailAt` is when it last was. */
    routes: routesOf(api?.routes ?? null),
    detailAt: api?.detailAt ?? null,
  };
}
