import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { restEndpoint } from "@/lib/aws/rest-apis";
import { openApiDoc } from "@/lib/db/json";
import { getPortalDoc, portalSettings, portalStages, settingKey } from "@/lib/db/portal";
import { myPlans } from "@/lib/db/subscriptions";
import { notFound } from "@/lib/errors";
import { inventoryScope } from "@/lib/inventory/scope";
import { quotaWords, throttleWords } from "@/lib/plans/plan-words";
import { operationsOf, type OpenApiDoc } from "./openapi";

/**
 * The partner catalog: the API stages of the tenant's active usage plans (from the database: subscriptions, plan
 * snapshots, the inventory and the cached OpenAPI documents — no AWS call), minus those operators hid. A stage of
 * another plan is not in it, and every other read in lib/portal goes through `catalogEntry`, so such a stage
 * answers exactly like one that does not exist.
 */
export type CatalogEntryDto = {
  apiId: string;
  stage: string;
  name: string;
  description: string | null;
  /** Markdown written by operators (getting started, authentication, errors); null = none. */
  guide: string | null;
  baseUrl: string;
  plans: { name: string; rate: string; quota: string }[];
  /** From the stage's OpenAPI document; null while it has not been fetched yet. */
  keyRequired: boolean | null;
  operationCount: number | null;
  deploymentId: string | null;
};

export const stageBaseUrl = (apiId: string, stage: string) => restEndpoint(apiId).replace("{stage}", stage);

/** GetExport's answer as a document, or null when it is not a JSON OpenAPI document. */
export function parseExport(text: string): OpenApiDoc | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const r = openApiDoc.safeParse(raw);
  return r.success ? r.data : null;
}

/** Partners: their own tenant's catalog. */
export async function loadCatalog(actor: Actor): Promise<CatalogEntryDto[]> {
  assertCan(actor, "partner.view");
  const plans = await myPlans(actor);
  const refs = new Map<string, { apiId: string; stage: string; plans: CatalogEntryDto["plans"] }>();
  for (const p of plans) {
    for (const s of p.apiStages) {
      const k = settingKey(s.apiId, s.stage);
      const entry = refs.get(k) ?? { apiId: s.apiId, stage: s.stage, plans: [] };
      entry.plans.push({ name: p.name, rate: throttleWords(p), quota: `${quotaWords(p)} per key` });
      refs.set(k, entry);
    }
  }
  const list = [...refs.values()];
  const [rows, settings] = await Promise.all([portalStages(inventoryScope(), list), portalSettings(list)]);
  const out: CatalogEntryDto[] = [];
  for (const [i, row] of rows.entries()) {
    const setting = settings.get(settingKey(row.restApiId, row.stageName));
    if (setting?.hidden) continue;
    const doc = row.deploymentId ? await getPortalDoc(row.restApiId, row.deploymentId) : null;
    const ops = doc ? operationsOf(doc) : null;
    out.push({
      apiId: row.restApiId,
      stage: row.stageName,
      name: row.apiName,
      description: row.apiDescription,
      guide: setting?.description ?? null,
      baseUrl: stageBaseUrl(row.restApiId, row.stageName),
      plans: list[i]!.plans,
      keyRequired: ops ? ops.some((o) => o.keyRequired) : null,
      operationCount: ops ? ops.length : null,
      deploymentId: row.deploymentId,
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.stage.localeCompare(b.stage));
}

/** One stage of the partner's catalog, or not_found (another plan's stage, a hidden one, or none at all). */
export async function catalogEntry(actor: Actor, apiId: string, stage: string): Promise<CatalogEntryDto> {
  const entry = (await loadCatalog(actor)).find((e) => e.apiId === apiId && e.stage === stage);
  if (!entry) throw notFound("API");
  return entry;
}
