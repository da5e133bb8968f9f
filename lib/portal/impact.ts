import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { deploymentSummary } from "@/lib/aws/exports";
import { getDeploymentSummary, saveDeploymentSummary, tenantsWithUsage } from "@/lib/db/portal";
import { planSnapshots } from "@/lib/db/subscriptions";
import { now } from "@/lib/clock";
import { diffApiSummary, type ApiSummary, type OperationChangeDto } from "./diff";

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
 */
export type DeploymentImpactDto = {
  title: string;
  changes: OperationChangeDto[];
  breaking: boolean;
  tenants: string[];
  who: string;
};

async function summaryOf(restApiId: string, deploymentId: string): Promise<ApiSummary> {
  const cached = await getDeploymentSummary(restApiId, deploymentId);
  if (cached) return cached;
  const summary = await deploymentSummary(restApiId, deploymentId);
  await saveDeploymentSummary(restApiId, deploymentId, summary);
  return summary;
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
): Promise<DeploymentImpactDto[]> {
  assertCan(actor, "ops.view");
  const base = await summaryOf(input.restApiId, input.servingDeploymentId);
  const out: { title: string; changes: OperationChangeDto[] }[] = [];
  if (input.toDeploymentId && input.toDeploymentId !== input.servingDeploymentId) {
    const next = await summaryOf(input.restApiId, input.toDeploymentId);
    out.push({
      title: `Moving the stage to deployment ${input.toDeploymentId} (promotion or rollout)`,
      changes: diffApiSummary(base, next),
    });
  }
  if (input.currentMethods) {
    const current: ApiSummary = {};
    for (const m of input.currentMethods) {
      (current[m.resourcePath] ??= {})[m.httpMethod] = {
        // Unknown for methods not deployed yet; keep the deployed value so only additions and removals show.
        apiKeyRequired: base[m.resourcePath]?.[m.httpMethod]?.apiKeyRequired ?? false,
      };
    }
    out.push({ title: "Deploying the API's current definition", changes: diffApiSummary(base, current) });
  }
  const tenants = out.some((o) => o.changes.some((c) => c.breaking))
    ? await tenantsOfStage(input.restApiId, input.stage)
    : [];
  return out.map((o) => ({
    ...o,
    breaking: o.changes.some((c) => c.breaking),
    tenants: o.changes.some((c) => c.breaking) ? tenants : [],
    who: who(tenants, o.changes),
  }));
}
