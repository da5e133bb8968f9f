import "server-only";
import { stringify as toYaml } from "yaml";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { allPortalStages, listPortalChanges, portalSettings, settingKey } from "@/lib/db/portal";
import { AppError } from "@/lib/errors";
import { inventoryScope } from "@/lib/inventory/scope";
import { catalogEntry, loadCatalog, stageBaseUrl, type CatalogEntryDto } from "./catalog";
import type { OperationChangeDto } from "./diff";
import { stageDocument } from "./documents";
import type { OpenApiDoc } from "./openapi";
import { codeSamples, type CodeSamplesDto } from "./samples";

export { loadCatalog, type CatalogEntryDto };

export type ApiReferenceDto = { entry: CatalogEntryDto; doc: OpenApiDoc; samples: CodeSamplesDto };

const notSynced = () =>
  new AppError(
    "unavailable",
    "This API's reference is not ready yet: Tollgate has not read the stage. Try again in a minute.",
  );

/** Partners: the reference of one stage of their catalog (not_found for anything else). */
export async function loadApiReference(actor: Actor, apiId: string, stage: string): Promise<ApiReferenceDto> {
  const entry = await catalogEntry(actor, apiId, stage);
  if (!entry.deploymentId) throw notSynced();
  const doc = await stageDocument(apiId, stage, entry.deploymentId);
  return { entry, doc, samples: codeSamples(doc, entry.baseUrl) };
}

/** Partners: the stage's OpenAPI document as a file (JSON or YAML) for their own client generators. */
export async function loadApiDocumentFile(
  actor: Actor,
  apiId: string,
  stage: string,
  format: "json" | "yaml",
) {
  const { entry, doc } = await loadApiReference(actor, apiId, stage);
  const name = `${entry.name}-${entry.stage}-openapi`.replace(/[^A-Za-z0-9._-]+/g, "-");
  return format === "yaml"
    ? { filename: `${name}.yaml`, type: "application/yaml", body: toYaml(doc) }
    : { filename: `${name}.json`, type: "application/json", body: JSON.stringify(doc, null, 2) };
}

export type ApiChangeDto = {
  id: string;
  at: string;
  fromDeploymentId: string;
  toDeploymentId: string;
  breaking: boolean;
  changes: OperationChangeDto[];
};

/** Partners: the changelog of one stage of their catalog, newest first. */
export async function loadApiChanges(actor: Actor, apiId: string, stage: string) {
  const entry = await catalogEntry(actor, apiId, stage);
  const rows = await listPortalChanges(apiId, stage);
  const changes: ApiChangeDto[] = rows.map((r) => ({
    id: r.id,
    at: r.createdAt.toISOString(),
    fromDeploymentId: r.fromDeploymentId ?? "",
    toDeploymentId: r.toDeploymentId,
    breaking: r.breaking,
    changes: r.changes,
  }));
  return { entry, changes };
}

export type PortalSettingDto = {
  apiId: string;
  stage: string;
  name: string;
  baseUrl: string;
  description: string | null;
  hidden: boolean;
};

/** Operators: every REST stage the inventory holds with its portal settings (defaults when none were saved). */
export async function loadPortalSettings(actor: Actor): Promise<PortalSettingDto[]> {
  assertCan(actor, "portal.manage");
  const [stages, settings] = await Promise.all([allPortalStages(inventoryScope()), portalSettings()]);
  return stages
    .map((s) => {
      const set = settings.get(settingKey(s.restApiId, s.stageName));
      return {
        apiId: s.restApiId,
        stage: s.stageName,
        name: s.apiName,
        baseUrl: stageBaseUrl(s.restApiId, s.stageName),
        description: set?.description ?? null,
        hidden: set?.hidden ?? false,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.stage.localeCompare(b.stage));
}

export type PlanStageExampleDto = {
  name: string;
  curl: string;
  operation: string | null;
  reference: string | null;
};

/**
 * Partners: for each API stage of their plans, the API's name and a curl example that calls a real operation of it
 * (from the deployment's OpenAPI document; fetched once per deployment, then cached). Keyed "apiId:stage".
 */
export async function loadPlanExamples(actor: Actor): Promise<Record<string, PlanStageExampleDto>> {
  const catalog = await loadCatalog(actor);
  const out: Record<string, PlanStageExampleDto> = {};
  await Promise.all(
    catalog.map(async (e) => {
      const doc = e.deploymentId
        ? await stageDocument(e.apiId, e.stage, e.deploymentId).catch(() => null)
        : null;
      const samples = codeSamples(doc ?? { paths: {} }, e.baseUrl);
      out[`${e.apiId}:${e.stage}`] = {
        name: e.name,
        curl: samples.curl,
        operation: doc ? samples.operation : null,
        reference: `/partner/apis/${encodeURIComponent(e.apiId)}/${encodeURIComponent(e.stage)}`,
      };
    }),
  );
  return out;
}
