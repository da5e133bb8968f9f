import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageReadError } from "@/components/page-read-error";
import { StageCharts } from "@/components/metrics/stage-charts";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { loadHttpStage } from "@/lib/apis/loaders";
import { readPage } from "@/lib/page-read";
import { ChangesTimeline } from "@/components/inventory/changes-timeline";
import { Freshness } from "@/components/inventory/freshness";
import { loadStageChanges } from "@/lib/inventory/read";
import { HttpStageEditor } from "./_components/http-stage-editor";

export const metadata: Metadata = { title: "Stage" };

export default async function V2StagePage({ params }: { params: Promise<{ apiId: string; stage: string }> }) {
  const actor = await requirePermission("ops.view");
  const { apiId, stage: stageParam } = await params;
  const read = await readPage(loadHttpStage(actor, apiId, decodeURIComponent(stageParam)));
  if (!read.ok) return <PageReadError message={read.message} />;
  const { api, stage, version } = read.data;
  if (!stage) notFound();
  const changes = await loadStageChanges(actor, api.id, stage.stageName);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/ops/apis/v2/${api.id}`} className="hover:underline">
            ← {api.name}
          </Link>
        }
        title={`Stage ${stage.stageName}`}
        description="An HTTP or WebSocket API stage: its variables, throttling (for every route, or per route such as GET /pets) and whether changes deploy on their own."
      />
      <Freshness actor={actor} target={{ kind: "v2", id: api.id }} />
      <div className="flex flex-col gap-6">
        {api.kind === "HTTP" ? (
          <StageCharts target={{ kind: "HTTP", api: api.id, stage: stage.stageName }} canary={false} />
        ) : null}
        {can(actor.role, "gateway.manage") ? (
          <HttpStageEditor key={version} stage={stage} version={version} />
        ) : null}
        <ChangesTimeline changes={changes} rollouts={[]} />
      </div>
    </>
  );
}
