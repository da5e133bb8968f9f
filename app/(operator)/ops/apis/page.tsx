import type { Metadata } from "next";
import { Network } from "lucide-react";
import Link from "next/link";
import { PageReadError } from "@/components/page-read-error";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { FilterBar } from "@/components/lists/filter-bar";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/page-guard";
import { formatDate } from "@/lib/format";
import { loadApiList } from "@/lib/apis/loaders";
import { readPage } from "@/lib/page-read";
import { Freshness } from "@/components/inventory/freshness";
import type { ApiSummaryDto } from "@/lib/stages/types";
import { apisQuerySchema, type RawSearchParams } from "@/lib/schemas/list-params";

export const metadata: Metadata = { title: "APIs" };

const apiHref = (a: Pick<ApiSummaryDto, "id" | "kind">) =>
  a.kind === "REST" ? `/ops/apis/rest/${a.id}` : `/ops/apis/v2/${a.id}`;
const KIND_LABEL = { REST: "REST", HTTP: "HTTP", WEBSOCKET: "WebSocket" } as const;

export default async function ApisPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("ops.view");
  const params = apisQuerySchema.parse(await searchParams);
  const q = params.q?.toLowerCase() ?? "";
  const kind = params.kind ?? "";
  const read = await readPage(loadApiList(actor));
  if (!read.ok) return <PageReadError message={read.message} />;
  const apis = read.data;
  const shown = apis.filter(
    (a) =>
      (!kind || a.kind === kind) &&
      (!q ||
        a.name.toLowerCase().includes(q) ||
        a.id.toLowerCase().includes(q) ||
        Object.values(a.tags).some((v) => v.toLowerCase().includes(q))),
  );
  return (
    <>
      <PageHeader
        title="APIs"
        description="Your API Gateway APIs: REST APIs (v1) and HTTP and WebSocket APIs (v2), each with its stages — named, callable snapshots such as dev or prod."
      />
      <Freshness actor={actor} target={{ kind: "all" }} />
      <FilterBar
        search={{ label: "Search APIs", placeholder: "Search by name, id or tag", defaultValue: params.q }}
        selects={[
          {
            name: "kind",
            label: "Type",
            defaultValue: kind,
            options: [
              { value: "", label: "Any type" },
              { value: "REST", label: "REST" },
              { value: "HTTP", label: "HTTP" },
              { value: "WEBSOCKET", label: "WebSocket" },
            ],
          },
        ]}
      />
      {shown.length === 0 ? (
        <EmptyState
          icon={<Network />}
          title={q || kind ? "No APIs match" : "No APIs yet"}
          description={
            q || kind
              ? "Try another search or type."
              : "Create or import an API in API Gateway; it appears here."
          }
        />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Type</TableHead>
              <TableHead>Stages</TableHead>
              <TableHead>Endpoint</TableHead>
              <TableHead>Created</TableHead>
              <TableHead>Tags</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((a) => (
              <TableRow key={`${a.kind}-${a.id}`}>
                <TableCell>
                  <Link href={apiHref(a)} className="font-medium text-primary hover:underline">
                    {a.name}
                  </Link>
                  <div className="font-mono text-xs text-muted-foreground">{a.id}</div>
                </TableCell>
                <TableCell>
                  <Badge variant="outline">{KIND_LABEL[a.kind]}</Badge>
                </TableCell>
                <TableCell>
                  <div className="flex flex-wrap gap-1">
                    {a.stages.length === 0 ? <span className="text-muted-foreground">none</span> : null}
                    {a.stages.map((s) => (
                      <Link
                        key={s}
                        href={`${apiHref(a)}/stages/${encodeURIComponent(s)}`}
                        className="rounded border px-1.5 py-0.5 font-mono text-xs hover:bg-accent"
                      >
                        {s}
                      </Link>
                    ))}
                  </div>
                </TableCell>
                <TableCell>
                  <span className="flex items-center gap-1">
                    <span className="max-w-64 truncate font-mono text-xs" title={a.endpoint}>
                      {a.endpoint}
                    </span>
                    {a.endpoint ? (
                      <CopyButton value={a.endpoint} label={`Copy the endpoint of ${a.name}`} />
                    ) : null}
                  </span>
                </TableCell>
                <TableCell>{a.createdDate ? formatDate(a.createdDate) : "—"}</TableCell>
                <TableCell>
                  <div className="flex flex-wrap gap-1">
                    {Object.entries(a.tags).map(([k, v]) => (
                      <Badge key={k} variant="secondary" className="font-mono">
                        {k}={v}
                      </Badge>
                    ))}
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
