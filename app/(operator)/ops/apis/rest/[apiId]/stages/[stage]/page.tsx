import type { Metadata } from "next";
import Link from "next/link";
import { PageReadError } from "@/components/page-read-error";
import { StageCharts } from "@/components/metrics/stage-charts";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";
import { loadRestStage } from "@/lib/apis/loaders";
import { readPage } from "@/lib/page-read";
import { ChangesTimeline } from "@/components/inventory/changes-timeline";
import { Freshness } from "@/components/inventory/freshness";
import { loadStageChanges } from "@/lib/inventory/read";
import { CanaryCard } from "./_components/canary-card";
import { DeploymentsCard } from "./_components/deployments-card";
import { RolloutCard } from "./_components/rollout-card";
import { CacheCard, ObservabilityCard, ThrottlingCard } from "./_components/settings-cards";
import { StageProvider } from "./_components/stage-context";
import { VariablesCard } from "./_components/variables-card";
import { loadRollouts } from "@/lib/canary/loaders";
import { DeploymentImpact } from "@/components/portal/deployment-impact";
import { loadDeploymentImpact } from "@/lib/portal/impact";

export const metadata: Metadata = { title: "Stage" };

export default async function RestStagePage({
  params,
}: {
  params: Promise<{ apiId: string; stage: string }>;
}) {
  const actor = await requirePermission("ops.view");
  const { apiId, stage: stageParam } = await params;
  const stageName = decodeURIComponent(stageParam);
  const read = await readPage(loadRestStage(actor, apiId, stageName));
  if (!read.ok) return <PageReadError message={read.message} />;
  const { api, stage, version, deployments, methods } = read.data;
  const manage = can(actor.role, "gateway.manage");
  const [rollouts, changes, impact] = await Promise.all([
    loadRollouts(actor, { restApiId: api.id, stageName: stage.stageName }),
    loadStageChanges(actor, api.id, stage.stageName),
    // Stored summaries only (the portal sync fills them in the background): no AWS call on a page view.
    manage
      ? loadDeploymentImpact(actor, {
          restApiId: api.id,
          stage: stage.stageName,
          servingDeploymentId: stage.deploymentId,
          toDeploymentId: stage.canary?.deploymentId ?? null,
          currentMethods: methods.length > 0 ? methods : null,
        }).catch(() => null)
      : Promise.resolve([]),
  ]);
  const rollout = rollouts.find((r) => r.status === "running" || r.status === "paused");
  const invokeUrl = api.endpoint.replace("{stage}", stage.stageName);
  const current = deployments.find((d) => d.id === stage.deploymentId);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/ops/apis/rest/${api.id}`} className="hover:underline">
            ← {api.name}
          </Link>
        }
        title={
          <>
            Stage {stage.stageName}{" "}
            {stage.canary ? <Badge variant="info">canary {stage.canary.percentTraffic} %</Badge> : null}
          </>
        }
        description="A stage is a named, callable snapshot of the API (such as dev or prod) with its own settings, variables and limits."
      />
      <Freshness actor={actor} target={{ kind: "rest", id: api.id }} />
      <StatGrid>
        <Stat
          label="Serving deployment"
          value={
            <span className="font-mono text-base" data-testid="serving-deployment">
              {stage.deploymentId}
            </span>
          }
          hint={current?.description ?? undefined}
        />
        <Stat
          label="Last changed"
          value={
            <span className="text-base">
              {stage.lastUpdatedDate ? formatDateTime(stage.lastUpdatedDate) : "—"}
            </span>
          }
        />
        <Stat
          label="Invoke URL"
          value={
            <span className="flex items-center gap-1 text-xs break-all">
              <span className="font-mono">{invokeUrl}</span>
              <CopyButton value={invokeUrl} label="Copy the invoke URL" />
            </span>
          }
        />
      </StatGrid>
      <div className="mt-6 flex flex-col gap-6">
        <RolloutCard
          restApiId={api.id}
          stageName={stage.stageName}
          rollout={rollout ?? null}
          manage={manage}
        />
        <StageCharts
          target={{ kind: "REST", api: api.name, stage: stage.stageName }}
          canary={stage.canary !== null}
        />
        {manage ? (
          <StageProvider stage={stage} version={version}>
            <DeploymentImpact impacts={impact} />
            <CanaryCard
              key={`canary-${version}`}
              apiName={api.name}
              deployments={deployments}
              rolloutId={rollout?.id ?? null}
            />
            <DeploymentsCard key={`deploy-${version}`} deployments={deployments} />
            <VariablesCard key={`vars-${version}`} />
            <ThrottlingCard key={`throttle-${version}`} methods={methods} />
            <CacheCard key={`cache-${version}`} methods={methods} />
            <ObservabilityCard key={`obs-${version}`} />
          </StageProvider>
        ) : null}
        <ChangesTimeline
          changes={changes}
          rollouts={rollouts.map((r) => ({
            id: r.id,
            at: r.finishedAt ?? r.createdAt,
            status: r.status,
            lastError: r.lastError,
          }))}
        />
      </div>
    </>
  );
}
