import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StageCharts } from "@/components/metrics/stage-charts";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { loadHttpStage } from "@/lib/gateway/apis";
import { HttpStageEditor } from "./_components/http-stage-editor";

export const metadata: Metadata = { title: "Stage" };

export default async function V2StagePage({ params }: { params: Promise<{ apiId: string; stage: string }> }) {
  const actor = await requirePermission("ops.view");
  const { apiId, stage: stageParam } = await params;
  let data: Awaited<ReturnType<typeof loadHttpStage>>;
  try {
    data = await loadHttpStage(actor, apiId, decodeURIComponent(stageParam));
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    if (e instanceof AppError)
      return (
        <Alert variant="destructive" title="API Gateway could not be read">
          {e.message}
        </Alert>
      );
    throw e;
  }
  const { api, stage, version } = data;
  if (!stage) notFound();
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
      <div className="flex flex-col gap-6">
        {api.kind === "HTTP" ? (
          <StageCharts target={{ kind: "HTTP", api: api.id, stage: stage.stageName }} canary={false} />
        ) : null}
        {can(actor.role, "gateway.manage") ? (
          <HttpStageEditor key={version} stage={stage} version={version} />
        ) : null}
      </div>
    </>
  );
}
