import type { Metadata } from "next";
import { LineChart } from "lucide-react";
import { PageReadError } from "@/components/page-read-error";
import { OverviewTable, type OverviewStage } from "@/components/metrics/overview-table";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-guard";
import { loadApiList } from "@/lib/apis/loaders";
import { readPage } from "@/lib/page-read";
import { MAX_OVERVIEW_STAGES } from "@/lib/schemas/metrics";

export const metadata: Metadata = { title: "Metrics" };

export default async function MetricsPage() {
  const actor = await requirePermission("ops.view");
  const read = await readPage(loadApiList(actor));
  if (!read.ok) return <PageReadError message={read.message} />;
  // WebSocket APIs have different metrics (connections, messages); this overview covers request/response APIs.
  const stages: OverviewStage[] = read.data
    .filter((a) => a.kind !== "WEBSOCKET")
    .flatMap((a) =>
      a.stages.map((stage) => ({
        kind: a.kind === "REST" ? ("REST" as const) : ("HTTP" as const),
        api: a.kind === "REST" ? a.name : a.id,
        apiName: a.name,
        stage,
        href: `${a.kind === "REST" ? `/ops/apis/rest/${a.id}` : `/ops/apis/v2/${a.id}`}/stages/${encodeURIComponent(stage)}`,
      })),
    );
  const shown = stages.slice(0, MAX_OVERVIEW_STAGES);
  return (
    <>
      <PageHeader
        title="Metrics"
        description="Every stage at a glance from CloudWatch: requests over time, the share of 5XX (server-side) errors and the worst 99th-percentile latency (99 % of requests were faster). Open a stage for its full charts."
      />
      {stages.length > shown.length ? (
        <Alert variant="info" className="mb-4">
          Showing the first {shown.length} of {stages.length} stages (one CloudWatch call holds{" "}
          {MAX_OVERVIEW_STAGES}).
        </Alert>
      ) : null}
      {shown.length === 0 ? (
        <EmptyState
          icon={<LineChart />}
          title="No stages yet"
          description="Deploy an API to a stage; its metrics appear here."
        />
      ) : (
        <OverviewTable stages={shown} />
      )}
    </>
  );
}
