import "server-only";
import { exportStageOas30 } from "@/lib/aws/exports";
import { getPortalDoc, savePortalDoc } from "@/lib/db/portal";
import type { OpenApiDoc } from "./openapi";
import { parseExport, stageBaseUrl } from "./catalog";

/**
 * The OpenAPI document of a stage's deployment: from the database when it was fetched before (the portal sync
 * fetches each new deployment once), otherwise one GetExport now, kept for every later view. Callers have already
 * checked that the actor may see the stage. `servers` is set to the stage's invoke URL.
 */
export async function stageDocument(apiId: string, stage: string, deploymentId: string): Promise<OpenApiDoc> {
  let doc = await getPortalDoc(apiId, deploymentId);
  if (!doc) {
    doc = parseExport(await exportStageOas30(apiId, stage));
    if (doc) await savePortalDoc(apiId, deploymentId, stage, doc);
  }
  doc ??= { openapi: "3.0.1", paths: {} };
  return { ...doc, servers: [{ url: stageBaseUrl(apiId, stage) }] };
}
