import "server-only";
import { exportStageOas30 } from "@/lib/aws/exports";
import {
  allPortalStages,
  getPortalDoc,
  lastPortalChange,
  recordPortalChange,
  savePortalDoc,
} from "@/lib/db/portal";
import { now } from "@/lib/clock";
import { inventoryReady } from "@/lib/inventory/read";
import { inventoryScope } from "@/lib/inventory/scope";
import { log } from "@/lib/log";
import { parseExport } from "./catalog";
import { diffOpenApi } from "./diff";

const EXPORTS_PER_RUN = 20;

/**
 * The portal sync (job "portal-sync"): for every REST stage of the inventory whose deployment changed since the
 * last run, fetch the new deployment's OpenAPI document once (GetExport) and publish a changelog entry comparing it
 * with the previous deployment's. A stage seen for the first time gets a baseline (no entry for partners). At most
 * EXPORTS_PER_RUN AWS calls a run; the rest waits for the next run. Idempotent across replicas (unique rows).
 */
export async function runPortalSync(): Promise<{ exported: number; changes: number }> {
  if (!(await inventoryReady())) return { exported: 0, changes: 0 };
  let exported = 0;
  let changes = 0;
  for (const s of await allPortalStages(inventoryScope())) {
    if (!s.deploymentId) continue;
    const last = await lastPortalChange(s.restApiId, s.stageName);
    if (last?.toDeploymentId === s.deploymentId) continue;
    let after = await getPortalDoc(s.restApiId, s.deploymentId);
    if (!after) {
      if (exported >= EXPORTS_PER_RUN) break;
      let text: string;
      try {
        text = await exportStageOas30(s.restApiId, s.stageName);
      } catch (err) {
        log.warn({ err, restApiId: s.restApiId, stage: s.stageName }, "portal sync: GetExport failed");
        continue;
      }
      exported++;
      after = parseExport(text);
      // Not an OpenAPI document: nothing to keep or compare; the entry below still marks the deployment as seen.
      if (after) await savePortalDoc(s.restApiId, s.deploymentId, s.stageName, after);
      else
        log.warn(
          { restApiId: s.restApiId, stage: s.stageName },
          "portal sync: GetExport is not OpenAPI JSON",
        );
    }
    const before = last ? await getPortalDoc(s.restApiId, last.toDeploymentId) : null;
    const diff = before && after ? diffOpenApi(before, after) : [];
    await recordPortalChange(
      {
        restApiId: s.restApiId,
        stageName: s.stageName,
        fromDeploymentId: last?.toDeploymentId ?? null,
        toDeploymentId: s.deploymentId,
        changes: diff,
        breaking: diff.some((c) => c.breaking),
      },
      now(),
    );
    if (last) changes++;
  }
  return { exported, changes };
}
