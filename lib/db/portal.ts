import "server-only";
import type { InvScope } from "./inventory";
import type { ApiSummary, OperationChangeDto } from "@/lib/portal/diff";
import type { OpenApiDoc } from "@/lib/portal/openapi";
import { db, type Prisma } from "./client";
import { apiSummary, openApiDoc, operationChanges, readJson, restStage, toJson } from "./json";

/**
 * The developer portal's tables (prisma `// ── developer portal`): operators' per-stage settings, the OpenAPI
 * document of each deployment, and the stage changelog. Callers in lib/portal check who may read what; the
 * inventory rows read here are only those of stages a caller already knows the actor may see.
 */

export type PortalStageRow = {
  restApiId: string;
  stageName: string;
  apiName: string;
  apiDescription: string | null;
  deploymentId: string | null;
};

export type PortalSettingRow = {
  restApiId: string;
  stageName: string;
  description: string | null;
  hidden: boolean;
};

const key = (a: string, s: string) => `${a}\u0000${s}`;

/** Two replicas writing the same row at once: PostgreSQL's upsert can lose the race with a unique violation. */
const isUniqueConflict = (e: unknown) =>
  typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
async function ignoringRace(write: () => Promise<unknown>, retry?: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (e) {
    if (!isUniqueConflict(e)) throw e;
    if (retry) await retry();
  }
}

/** The inventory's view of the given API stages (name, description, current deployment); missing ones come back empty. */
export async function portalStages(
  scope: InvScope,
  refs: { apiId: string; stage: string }[],
): Promise<PortalStageRow[]> {
  if (refs.length === 0) return [];
  const ids = [...new Set(refs.map((r) => r.apiId))];
  const [apis, stages] = await Promise.all([
    db.invRestApi.findMany({
      where: { ...scope, id: { in: ids } },
      select: { id: true, name: true, description: true },
    }),
    db.invRestStage.findMany({
      where: { ...scope, restApiId: { in: ids } },
      select: { restApiId: true, stageName: true, deploymentId: true },
    }),
  ]);
  const apiById = new Map(apis.map((a) => [a.id, a]));
  const stageBy = new Map(stages.map((s) => [key(s.restApiId, s.stageName), s]));
  return refs.map((r) => {
    const api = apiById.get(r.apiId);
    const st = stageBy.get(key(r.apiId, r.stage));
    return {
      restApiId: r.apiId,
      stageName: r.stage,
      apiName: api?.name ?? r.apiId,
      apiDescription: api?.description ?? null,
      deploymentId: st?.deploymentId ?? null,
    };
  });
}

/** Every REST stage the inventory holds (the portal sync's and the operators' settings page's list). */
export async function allPortalStages(scope: InvScope): Promise<PortalStageRow[]> {
  const stages = await db.invRestStage.findMany({
    where: scope,
    select: { restApiId: true, stageName: true },
    orderBy: [{ restApiId: "asc" }, { stageName: "asc" }],
  });
  return portalStages(
    scope,
    stages.map((s) => ({ apiId: s.restApiId, stage: s.stageName })),
  );
}

export async function portalSettings(
  refs?: { apiId: string; stage: string }[],
): Promise<Map<string, PortalSettingRow>> {
  const rows = refs
    ? await db.portalApiSetting.findMany({
        where: { restApiId: { in: [...new Set(refs.map((r) => r.apiId))] } },
      })
    : await db.portalApiSetting.findMany();
  return new Map(rows.map((r) => [key(r.restApiId, r.stageName), r]));
}
export const settingKey = key;

export async function savePortalSetting(
  restApiId: string,
  stageName: string,
  data: { description: string | null; hidden: boolean },
  updatedBy: string,
): Promise<void> {
  await db.portalApiSetting.upsert({
    where: { restApiId_stageName: { restApiId, stageName } },
    create: { restApiId, stageName, ...data, updatedBy },
    update: { ...data, updatedBy },
  });
}

export async function getPortalDoc(restApiId: string, deploymentId: string): Promise<OpenApiDoc | null> {
  const row = await db.portalApiDoc.findUnique({
    where: { restApiId_deploymentId: { restApiId, deploymentId } },
  });
  return row ? readJson(openApiDoc, row.document, "portal_api_doc.document") : null;
}

/** Idempotent: a second replica's write of the same deployment's document changes nothing. */
export async function savePortalDoc(
  restApiId: string,
  deploymentId: string,
  stageName: string,
  document: OpenApiDoc,
) {
  await ignoringRace(() =>
    db.portalApiDoc.upsert({
      where: { restApiId_deploymentId: { restApiId, deploymentId } },
      create: { restApiId, deploymentId, stageName, document: toJson(document) },
      update: {},
    }),
  );
}

export type PortalChangeRow = {
  id: string;
  restApiId: string;
  stageName: string;
  fromDeploymentId: string | null;
  toDeploymentId: string;
  changes: OperationChangeDto[];
  breaking: boolean;
  createdAt: Date;
};

const changeRowOf = (r: Prisma.PortalChangeGetPayload<object>): PortalChangeRow => ({
  ...r,
  changes: readJson(operationChanges, r.changes, "portal_change.changes"),
});

export async function lastPortalChange(
  restApiId: string,
  stageName: string,
): Promise<PortalChangeRow | null> {
  const r = await db.portalChange.findFirst({
    where: { restApiId, stageName },
    orderBy: { createdAt: "desc" },
  });
  return r ? changeRowOf(r) : null;
}

/** Records a stage's move to a deployment once (unique per stage + deployment; a replica's duplicate is ignored). */
export async function recordPortalChange(
  row: Omit<PortalChangeRow, "id" | "createdAt">,
  at: Date,
): Promise<void> {
  const write = () =>
    db.portalChange.upsert({
      where: {
        restApiId_stageName_toDeploymentId: {
          restApiId: row.restApiId,
          stageName: row.stageName,
          toDeploymentId: row.toDeploymentId,
        },
      },
      create: { ...row, changes: toJson(row.changes), createdAt: at },
      // A rollback to a deployment seen before: the entry moves to now with the new comparison.
      update: {
        fromDeploymentId: row.fromDeploymentId,
        changes: toJson(row.changes),
        breaking: row.breaking,
        createdAt: at,
      },
    });
  await ignoringRace(write, write);
}

export async function listPortalChanges(
  restApiId: string,
  stageName: string,
  take = 50,
): Promise<PortalChangeRow[]> {
  const rows = await db.portalChange.findMany({
    where: { restApiId, stageName, fromDeploymentId: { not: null } },
    orderBy: { createdAt: "desc" },
    take,
  });
  return rows.map(changeRowOf);
}

export async function getDeploymentSummary(
  restApiId: string,
  deploymentId: string,
): Promise<ApiSummary | null> {
  const row = await db.portalDeploymentSummary.findUnique({
    where: { restApiId_deploymentId: { restApiId, deploymentId } },
  });
  return row ? readJson(apiSummary, row.summary, "portal_deployment_summary.summary") : null;
}

export async function saveDeploymentSummary(restApiId: string, deploymentId: string, summary: ApiSummary) {
  await ignoringRace(() =>
    db.portalDeploymentSummary.upsert({
      where: { restApiId_deploymentId: { restApiId, deploymentId } },
      create: { restApiId, deploymentId, summary: toJson(summary) },
      update: {},
    }),
  );
}

/** The deployments each REST stage of the inventory runs: the one it serves and its canary's (the portal sync's list). */
export async function stageDeployments(
  scope: InvScope,
): Promise<
  { restApiId: string; stageName: string; deploymentId: string; canaryDeploymentId: string | null }[]
> {
  const rows = await db.invRestStage.findMany({
    where: scope,
    select: { restApiId: true, stageName: true, deploymentId: true, data: true },
    orderBy: [{ restApiId: "asc" }, { stageName: "asc" }],
  });
  return rows.map((r) => ({
    restApiId: r.restApiId,
    stageName: r.stageName,
    deploymentId: r.deploymentId,
    canaryDeploymentId: readJson(restStage, r.data, "inv_rest_stage.data").canary?.deploymentId ?? null,
  }));
}

/** Which of these deployments have a stored summary, as `${restApiId}/${deploymentId}` keys. */
export async function storedSummaryKeys(restApiIds: string[]): Promise<Set<string>> {
  if (restApiIds.length === 0) return new Set();
  const rows = await db.portalDeploymentSummary.findMany({
    where: { restApiId: { in: [...new Set(restApiIds)] } },
    select: { restApiId: true, deploymentId: true },
  });
  return new Set(rows.map((r) => `${r.restApiId}/${r.deploymentId}`));
}

/**
 * How many deployments the stages serve that have neither a stored summary nor an exported document yet: the
 * portal sync's backlog, for the stage page's "about when" (canaries not counted; they are few).
 */
export async function summaryBacklog(scope: InvScope): Promise<number> {
  const stages = await db.invRestStage.findMany({
    where: scope,
    select: { restApiId: true, deploymentId: true },
  });
  const ids = [...new Set(stages.map((s) => s.restApiId))];
  if (ids.length === 0) return 0;
  const [summaries, docs] = await Promise.all([
    db.portalDeploymentSummary.findMany({
      where: { restApiId: { in: ids } },
      select: { restApiId: true, deploymentId: true },
    }),
    db.portalApiDoc.findMany({
      where: { restApiId: { in: ids } },
      select: { restApiId: true, deploymentId: true },
    }),
  ]);
  const known = new Set([...summaries, ...docs].map((r) => `${r.restApiId}/${r.deploymentId}`));
  return new Set(stages.map((s) => `${s.restApiId}/${s.deploymentId}`).filter((k) => !known.has(k))).size;
}

/** Names of the tenants with requests on any of these usage plans since `sinceDay` (YYYY-MM-DD), by name. */
export async function tenantsWithUsage(usagePlanIds: string[], sinceDay: string): Promise<string[]> {
  if (usagePlanIds.length === 0) return [];
  const rows = await db.usageDaily.findMany({
    where: {
      usagePlanId: { in: usagePlanIds },
      day: { gte: sinceDay },
      requests: { gt: 0 },
      tenantId: { not: null },
    },
    select: { tenantId: true },
    distinct: ["tenantId"],
  });
  const ids = rows.flatMap((r) => (r.tenantId ? [r.tenantId] : []));
  if (ids.length === 0) return [];
  const tenants = await db.tenant.findMany({ where: { id: { in: ids } }, select: { name: true } });
  return tenants.map((t) => t.name).sort((a, b) => a.localeCompare(b));
}
