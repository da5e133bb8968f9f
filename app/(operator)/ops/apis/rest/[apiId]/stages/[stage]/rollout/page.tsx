import type { Metadata } from "next";
import Link from "next/link";
import { PageReadError } from "@/components/page-read-error";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-guard";
import { loadRestStage } from "@/lib/apis/loaders";
import { readPage } from "@/lib/page-read";
import { RolloutWizard } from "./_components/rollout-wizard";
import { loadRollouts } from "@/lib/canary/loaders";
import { DeploymentImpact } from "@/components/portal/deployment-impact";
import { loadDeploymentImpact } from "@/lib/portal/impact";

export const metadata: Metadata = { title: "Start a rollout" };

export default async function StartRolloutPage({
  params,
}: {
  params: Promise<{ apiId: string; stage: string }>;
}) {
  const actor = await requirePermission("gateway.manage");
  const { apiId, stage: stageParam } = await params;
  const stageName = decodeURIComponent(stageParam);
  const read = await readPage(loadRestStage(actor, apiId, stageName));
  if (!read.ok) return <PageReadError message={read.message} />;
  const { api, stage, deployments, methods } = read.data;
  const [active] = await loadRollouts(actor, { restApiId: api.id, stageName: stage.stageName, active: true });
  const stageHref = `/ops/apis/rest/${api.id}/stages/${encodeURIComponent(stage.stageName)}`;
  const newestFirst = [...deployments].sort((a, b) =>
    (b.createdDate ?? "").localeCompare(a.createdDate ?? ""),
  );
  // Before the canary starts: what the newest deployment, or a new one of the current definition, changes. Stored
  // summaries (and exported documents) first; a deployment neither describes is read live — one GetDeployment per
  // chosen deployment, kept — because opening the wizard is an explicit operator action, unlike the stage page,
  // which reads only what the portal sync stored.
  const impact = await loadDeploymentImpact(
    actor,
    {
      restApiId: api.id,
      stage: stage.stageName,
      servingDeploymentId: stage.deploymentId,
      toDeploymentId: stage.canary?.deploymentId ?? newestFirst[0]?.id ?? null,
      currentMethods: methods.length > 0 ? methods : null,
    },
    { readMissing: "live" },
  ).catch(() => null);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={stageHref} className="hover:underline">
            ← {api.name} / {stage.stageName}
          </Link>
        }
        title={`Start a rollout on ${stage.stageName}`}
        description="A canary rollout sends a growing share of this stage's requests to a new deployment — the canary — and compares its server errors and latency with the deployment serving the rest (the base). Every field starts with a sensible default, so you can start right away."
      />
      {active ? (
        <Alert variant="warning" title="A rollout is already in progress">
          This stage runs a rollout now. Finish, abort or promote it first:{" "}
          <Link href={`/ops/rollouts/${active.id}`} className="font-medium text-primary underline">
            open its live view
          </Link>
          .
        </Alert>
      ) : (
        <>
          <DeploymentImpact impacts={impact} />
          <RolloutWizard
            restApiId={api.id}
            stageName={stage.stageName}
            servingDeploymentId={stage.deploymentId}
            canary={stage.canary}
            variables={stage.variables}
            deployments={newestFirst}
          />
        </>
      )}
    </>
  );
}
