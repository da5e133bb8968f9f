import "server-only";
import { deploymentSummary, exportStageOas30 } from "@/lib/aws/exports";
import {
  allPortalStages,
  getPortalDoc,
  lastPortalChange,
  recordPortalChange,
  saveDeploymentSummary,
  savePortalDoc,
  stageDeployments,
  storedSummaryKeys,
} from "@/lib/db/portal";
import { now } from "@/lib/clock";
import type { InvScope } from "@/lib/db/inventory";
import { AppError } from "@/lib/errors";
import { inventoryReady } from "@/lib/inventory/read";
import { inventoryScope } from "@/lib/inventory/scope";
import { log } from "@/lib/log";
import { parseExport } from "./catalog";
import { apiSummaryOf, diffOpenApi } from "./diff";

/** How often the job runs (lib/jobs/scheduler.ts) — also what the stage page's "about when" counts in. */
export const PORTAL_SYNC_EVERY_MS = 30_000;
export const EXPORTS_PER_RUN = 20;
/** GetDeployment ?embed=apisummary calls a run may make for deployments no export describes (canaries mostly). */
export const SUMMARY_CALLS_PER_RUN = 10;

export type PortalSyncResult = {
  exported: number;
  changes: number;
  /** Deployment summaries stored this run: derived from an exported document (no call) / read from AWS. */
  summaries: { derived: number; read: number };
};

/**
 * The portal sync (job "portal-sync", at the background priority): for every REST stage of the inventory whose
 * deployment changed since the last run, fetch the new deployment's OpenAPI document once (GetExport) and publish a
 * changelog entry comparing it with the previous deployment's. A stage seen for the first time gets a baseline (no
 * entry for partners). Then it stores the API summary of every deployment a stage serves or runs as its canary
 * that has none yet — the operators' deployment-impact card reads only these, so a page view never waits on AWS.
 * At most EXPORTS_PER_RUN + SUMMARY_CALLS_PER_RUN AWS calls a run; the rest waits for the next run. Idempotent
 * across replicas (unique rows).
 */
export async function runPortalSync(): Promise<PortalSyncResult> {
  if (!(await inventoryReady())) return { exported: 0, changes: 0, summaries: { derived: 0, read: 0 } };
  const scope = inventoryScope();
  const { exported, changes, awaitingExport } = await publishChanges(scope);
  const summaries = await fillSummaries(scope, awaitingExport);
  return { exported, changes, summaries };
}

const depKey = (restApiId: string, deploymentId: string) => `${restApiId}/${deploymentId}`;

async function publishChanges(scope: InvScope) {
  let exported = 0;
  let changes = 0;
  // Deployments whose export is still to come (over this run's cap, or it failed and is retried): their summary
  // will be derived from the document, so no GetDeployment is spent on them meanwhile.
  const awaitingExport = new Set<string>();
  for (const s of await allPortalStages(scope)) {
    if (!s.deploymentId) continue;
    if (exported >= EXPORTS_PER_RUN) {
      awaitingExport.add(depKey(s.restApiId, s.deploymentId));
      continue;
    }
    const last = await lastPortalChange(s.restApiId, s.stageName);
    if (last?.toDeploymentId === s.deploymentId) continue;
    let after = await getPortalDoc(s.restApiId, s.deploymentId);
    if (!after) {
      let text: string;
      try {
        text = await exportStageOas30(s.restApiId, s.stageName);
      } catch (err) {
        log.warn({ err, restApiId: s.restApiId, stage: s.stageName }, "portal sync: GetExport failed");
        awaitingExport.add(depKey(s.restApiId, s.deploymentId));
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
  return { exported, changes, awaitingExport };
}

/**
 * Stores the summary of each stage's serving and canary deployment that has none: from the exported document when
 * there is one (no call), else one GetDeployment ?embed=apisummary, at most SUMMARY_CALLS_PER_RUN a run.
 */
async function fillSummaries(scope: InvScope, awaitingExport: Set<string>) {
  const stages = await stageDeployments(scope);
  const stored = await storedSummaryKeys(stages.map((s) => s.restApiId));
  const wanted = new Map<string, { restApiId: string; deploymentId: string }>();
  for (const s of stages)
    for (const d of [s.deploymentId, s.canaryDeploymentId])
      if (d && !stored.has(depKey(s.restApiId, d)))
        wanted.set(depKey(s.restApiId, d), { restApiId: s.restApiId, deploymentId: d });
  let derived = 0;
  let read = 0;
  for (const [key, { restApiId, deploymentId }] of wanted) {
    const doc = await getPortalDoc(restApiId, deploymentId);
    if (doc) {
      await saveDeploymentSummary(restApiId, deploymentId, apiSummaryOf(doc));
      derived++;
      continue;
    }
    if (awaitingExport.has(key) || read >= SUMMARY_CALLS_PER_RUN) continue;
    try {
      read++;
      await saveDeploymentSummary(restApiId, deploymentId, await deploymentSummary(restApiId, deploymentId));
    } catch (err) {
      // Deleted since the inventory read the stage: the next inventory sweep drops the reference.
      if (!(err instanceof AppError && err.code === "not_found"))
        log.warn({ err, restApiId, deploymentId }, "portal sync: GetDeployment (apisummary) failed");
    }
  }
  return { derived, read };
}
