import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { deploymentSummary } from "@/lib/aws/exports";
import {
  getDeploymentSummary,
  getPortalDoc,
  saveDeploymentSummary,
  summaryBacklog,
  tenantsWithUsage,
} from "@/lib/db/portal";
import { planSnapshots } from "@/lib/db/subscriptions";
import { now } from "@/lib/clock";
import { inventoryScope } from "@/lib/inventory/scope";
import { apiSummaryOf, diffApiSummary, type ApiSummary, type OperationChangeDto } from "./diff";
import { EXPORTS_PER_RUN, PORTAL_SYNC_EVERY_MS } from "./sync";

/**
 * What a promotion or a deploy would change for partners, shown to operators BEFORE they do it (stage page and
 * rollout wizard): the operations the new deployment adds, removes or newly locks behind a key, compared with the
 * deployment the stage serves. AWS describes a deployment no stage serves only by its API summary (path, method,
 * key required), so parameter-level changes show in the partner changelog once it is live. Each deployment's
 * summary is read once (deployments never change) and kept.
 *
 * Who is affected: API Gateway counts usage per key per usage plan per day — not per stage, not per operation — so
 * Tollgate can name the tenants that used a plan including this stage in the last 30 days, but not whether they
 * called the operations that change. The DTO says so in `who`.
 *
 * `pending`: the comparison is not known yet because a deployment's summary has not been read (the portal sync
 * stores them in the background); the card says so instead of making the page wait on AWS.
 */
export type DeploymentImpactDto = {
  title: string;
  changes: OperationChangeDto[];
  breaking: boolean;
  tenants: string[];
  who: string;
  pending: string | null;
};

/**
 * A deployment's summary from what is stored: the summary table, else derived from the deployment's exported
 * OpenAPI document (no AWS call either way). With `live`, a deployment neither describes is read from AWS once
 * (GetDeployment ?embed=apisummary) and kept.
 */
async function summaryOf(restApiId: string, deploymentId: string, live: boolean): Promise<ApiSummary | null> {
  const cached = await getDeploymentSummary(restApiId, deploymentId);
  if (cached) return cached;
  const doc = await getPortalDoc(restApiId, deploymentId);
  if (doc) return apiSummaryOf(doc);
  if (!live) return null;
  const summary = await deploymentSummary(restApiId, deploymentId);
  await saveDeploymentSummary(restApiId, deploymentId, summary);
  return summary;
}

/** "…once the background sync has read deployment abc123 (usually within about a minute)." */
function pendingText(deploymentIds: string[], backlog: number): string {
  const runs = Math.max(1, Math.ceil(backlog / EXPORTS_PER_RUN));
  const minutes = Math.ceil((runs * PORTAL_SYNC_EVERY_MS) / 60_000);
  const which =
    deploymentIds.length === 1
      ? `deployment ${deploymentIds[0]}`
      : `deployments ${deploymentIds.join(" and ")}`;
  return `The comparison appears once the background sync has read ${which} — usually within about ${
    minutes === 1 ? "a minute" : `${minutes} minutes`
  }${backlog > EXPORTS_PER_RUN ? ` (${backlog} deployments are waiting to be read)` : ""}. Reload the page then.`;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

async function tenantsOfStage(restApiId: string, stage: string): Promise<string[]> {
  const plans = (await planSnapshots()).filter((p) =>
    p.apiStages.some((s) => s.apiId === restApiId && s.stage === stage),
  );
  return tenantsWithUsage(
    plans.map((p) => p.id),
    day(new Date(now().getTime() - 30 * 86_400_000)),
  );
}

function who(tenants: string[], changes: OperationChangeDto[]): string {
  if (!changes.some((c) => c.breaking)) return "";
  const basis =
    "API Gateway counts usage per key and usage plan, not per operation, so whether they called the removed or changed operations cannot be known.";
  return tenants.length === 0
    ? `No tenant's keys called this stage's usage plans in the last 30 days. ${basis}`
    : `Tenants whose keys called this stage's usage plans in the last 30 days: ${tenants.join(", ")}. ${basis}`;
}

/**
 * Operators: the impact of moving `stage` from the deployment it serves to `toDeploymentId` (a canary's, or one
 * picked in the rollout wizard), and of deploying the API's current definition (`currentMethods`, from the
 * inventory: which operations exist now; key requirements of undeployed methods are not known).
 *
 * By default it reads only what is stored (no AWS call: the stage page). `readMissing: "live"` reads a summary
 * nothing stored describes from AWS — for explicit operator actions only (the rollout wizard).
 */
export async function loadDeploymentImpact(
  actor: Actor,
  input: {
    restApiId: string;
    stage: string;
    servingDeploymentId: string;
    toDeploymentId: string | null;
    currentMethods: { resourcePath: string; httpMethod: string }[] | null;
  },
  opts: { readMissing?: "never" | "live" } = {},
): Promise<DeploymentImpactDto[]> {
  assertCan(actor, "ops.view");
  const live = opts.readMissing === "live";
  const moving =
    input.toDeploymentId && input.toDeploymentId !== input.servingDeploymentId ? input.toDeploymentId : null;
  const [base, next] = await Promise.all([
    summaryOf(input.restApiId, input.servingDeploymentId, live),
    moving ? summaryOf(input.restApiId, moving, live) : Promise.resolve(null),
  ]);
  const out: { title: string; changes: OperationChangeDto[]; missing: string[] }[] = [];
  if (moving) {
    const missing = [...(base ? [] : [input.servingDeploymentId]), ...(next ? [] : [moving])];
    out.push({
      title: `Moving the stage to deployment ${moving} (promotion or rollout)`,
      changes: base && next ? diffApiSummary(base, next) : [],
      missing,
    });
  }
  if (input.currentMethods) {
    const changes: OperationChangeDto[] = [];
    if (base) {
      const current: ApiSummary = {};
      for (const m of input.currentMethods) {
        (current[m.resourcePath] ??= {})[m.httpMethod] = {
          // Unknown for methods not deployed yet; keep the deployed value so only additions and removals show.
          apiKeyRequired: base[m.resourcePath]?.[m.httpMethod]?.apiKeyRequired ?? false,
        };
      }
      changes.push(...diffApiSummary(base, current));
    }
    out.push({
      title: "Deploying the API's current definition",
      changes,
      missing: base ? [] : [input.servingDeploymentId],
    });
  }
  const backlog = out.some((o) => o.missing.length > 0) ? await summaryBacklog(inventoryScope()) : 0;
  const tenants = out.some((o) => o.changes.some((c) => c.breaking))
    ? await tenantsOfStage(input.restApiId, input.stage)
    : [];
  return out.map(({ missing, ...o }) => ({
    ...o,
    breaking: o.changes.some((c) => c.breaking),
    tenants: o.changes.some((c) => c.breaking) ? tenants : [],
    who: who(tenants, o.changes),
    pending: missing.length > 0 ? pendingText(missing, backlog) : null,
  }));
}
