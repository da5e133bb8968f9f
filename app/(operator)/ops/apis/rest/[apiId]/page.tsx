import type { Metadata } from "next";
import Link from "next/link";
import { PageReadError } from "@/components/page-read-error";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/format";
import { loadRestApi } from "@/lib/apis/loaders";
import { readPage } from "@/lib/page-read";
import { Freshness } from "@/components/inventory/freshness";

export const metadata: Metadata = { title: "REST API" };

export default async function RestApiPage({ params }: { params: Promise<{ apiId: string }> }) {
  const actor = await requirePermission("ops.view");
  const { apiId } = await params;
  const read = await readPage(loadRestApi(actor, apiId));
  if (!read.ok) return <PageReadError message={read.message} />;
  const { api, stages, deployments } = read.data;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/ops/apis" className="hover:underline">
            ← APIs
          </Link>
        }
        title={api.name}
        description={api.description ?? "REST API (API Gateway v1)."}
      />
      <Freshness actor={actor} target={{ kind: "rest", id: api.id }} />
      <div className="mb-4 flex flex-wrap gap-2 text-sm text-muted-foreground">
        <span>
          id <span className="font-mono">{api.id}</span>
        </span>
        <span>· created {api.createdDate ? formatDateTime(api.createdDate) : "—"}</span>
        {Object.entries(api.tags).map(([k, v]) => (
          <Badge key={k} variant="secondary" className="font-mono">
            {k}={v}
          </Badge>
        ))}
      </div>
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Stages</CardTitle>
            <CardDescription>
              Open a stage to change its settings, deploy, run a canary or watch its metrics.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Stage</TableHead>
                  <TableHead>Deployment</TableHead>
                  <TableHead>Canary</TableHead>
                  <TableHead>Cache</TableHead>
                  <TableHead>Invoke URL</TableHead>
                  <TableHead>Last changed</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {stages.map((s) => {
                  const url = api.endpoint.replace("{stage}", s.stageName);
                  return (
                    <TableRow key={s.stageName}>
                      <TableCell>
                        <Link
                          href={`/ops/apis/rest/${api.id}/stages/${encodeURIComponent(s.stageName)}`}
                          className="font-medium text-primary hover:underline"
                        >
                          {s.stageName}
                        </Link>
                      </TableCell>
                      <TableCell className="font-mono text-xs">{s.deploymentId}</TableCell>
                      <TableCell>
                        {s.canary ? (
                          <Badge variant="info">{s.canary.percentTraffic} %</Badge>
                        ) : (
                          <span className="text-muted-foreground">—</span>
                        )}
                      </TableCell>
                      <TableCell>{s.cacheClusterEnabled ? `${s.cacheClusterSize} GB` : "off"}</TableCell>
                      <TableCell>
                        <span className="flex items-center gap-1">
                          <span className="max-w-64 truncate font-mono text-xs" title={url}>
                            {url}
                          </span>
                          <CopyButton value={url} label={`Copy the invoke URL of ${s.stageName}`} />
                        </span>
                      </TableCell>
                      <TableCell>{s.lastUpdatedDate ? formatDateTime(s.lastUpdatedDate) : "—"}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Deployment history</CardTitle>
            <CardDescription>
              Each deployment is a frozen snapshot of the API. Roll a stage back from its stage page.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Deployment</TableHead>
                  <TableHead>Description</TableHead>
                  <TableHead>Created</TableHead>
                  <TableHead>Used by</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {deployments.map((d) => (
                  <TableRow key={d.id}>
                    <TableCell className="font-mono text-xs">{d.id}</TableCell>
                    <TableCell>{d.description ?? "—"}</TableCell>
                    <TableCell>{d.createdDate ? formatDateTime(d.createdDate) : "—"}</TableCell>
                    <TableCell>
                      <div className="flex flex-wrap gap-1">
                        {d.usedBy.length === 0 ? (
                          <span className="text-muted-foreground">no stage</span>
                        ) : null}
                        {d.usedBy.map((u) => (
                          <Badge key={u} variant="outline">
                            {u}
                          </Badge>
                        ))}
                      </div>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
