import type { Metadata } from "next";
import Link from "next/link";
import { PageReadError } from "@/components/page-read-error";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/format";
import { loadHttpApi } from "@/lib/apis/loaders";
import { readPage } from "@/lib/page-read";
import { Freshness } from "@/components/inventory/freshness";
import { RoutesTable } from "./_components/routes-table";

export const metadata: Metadata = { title: "HTTP / WebSocket API" };

export default async function V2ApiPage({ params }: { params: Promise<{ apiId: string }> }) {
  const actor = await requirePermission("ops.view");
  const { apiId } = await params;
  const read = await readPage(loadHttpApi(actor, apiId));
  if (!read.ok) return <PageReadError message={read.message} />;
  const { api, stages, routes } = read.data;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/ops/apis" className="hover:underline">
            ← APIs
          </Link>
        }
        title={api.name}
        description={
          api.description ??
          (api.kind === "WEBSOCKET" ? "WebSocket API (API Gateway v2)." : "HTTP API (API Gateway v2).")
        }
      />
      <Freshness actor={actor} target={{ kind: "v2", id: api.id }} />
      <div className="mb-4 flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
        <Badge variant="outline">{api.kind === "WEBSOCKET" ? "WebSocket" : "HTTP"}</Badge>
        <span className="font-mono">{api.endpoint}</span>
        {api.endpoint ? <CopyButton value={api.endpoint} label="Copy the endpoint" /> : null}
        <span>· created {api.createdDate ? formatDateTime(api.createdDate) : "—"}</span>
      </div>
      <h2 className="mb-2 text-lg font-semibold">Stages</h2>
      <Table aria-label="Stages">
        <TableHeader>
          <TableRow>
            <TableHead>Stage</TableHead>
            <TableHead>Deployment</TableHead>
            <TableHead>Auto-deploy</TableHead>
            <TableHead>Default throttling</TableHead>
            <TableHead>Last changed</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {stages.map((s) => (
            <TableRow key={s.stageName}>
              <TableCell>
                <Link
                  href={`/ops/apis/v2/${api.id}/stages/${encodeURIComponent(s.stageName)}`}
                  className="font-medium text-primary hover:underline"
                >
                  {s.stageName}
                </Link>
              </TableCell>
              <TableCell className="font-mono text-xs">{s.deploymentId ?? "—"}</TableCell>
              <TableCell>{s.autoDeploy ? "on" : "off"}</TableCell>
              <TableCell>
                {s.defaultRouteSettings.throttlingRateLimit ?? "—"} req/s, burst{" "}
                {s.defaultRouteSettings.throttlingBurstLimit ?? "—"}
              </TableCell>
              <TableCell>{s.lastUpdatedDate ? formatDateTime(s.lastUpdatedDate) : "—"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {stages.length === 0 ? (
        <p className="mt-4 text-sm text-muted-foreground">This API has no stages.</p>
      ) : null}
      <h2 className="mt-8 mb-2 text-lg font-semibold">Routes</h2>
      <RoutesTable routes={routes} websocket={api.kind === "WEBSOCKET"} />
    </>
  );
}
