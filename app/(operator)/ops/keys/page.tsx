import type { Metadata } from "next";
import { KeyRound } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { FilterBar } from "@/components/lists/filter-bar";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, pageHref } from "@/components/ui/pagination";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { loadKeysView } from "@/lib/keys/loaders";
import { keysQuerySchema, type RawSearchParams } from "@/lib/schemas/list-params";
import { OpsKeyActions } from "./_components/ops-key-actions";
import { definedOnly } from "@/lib/utils/defined-only";

export const metadata: Metadata = { title: "API keys" };
const PAGE_SIZE = 50;

/** Every tenant key, paged and filtered in the database (no AWS call per render). */
export default async function OpsKeysPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("ops.view");
  const { q, status, tenant: tenantId, page } = keysQuerySchema.parse(await searchParams);
  const { items, total, orphans, tenants, planName, tenantPlans } = await loadKeysView(actor, {
    ...definedOnly({ q, status, tenantId }),
    page,
    pageSize: PAGE_SIZE,
  });
  const manage = can(actor.role, "keys.manage");
  return (
    <>
      <PageHeader
        title="API keys"
        description="Every key Tollgate manages, with its tenant and plans. Orphans are keys found in AWS that no tenant owns in Tollgate."
      />
      {orphans.total > 0 ? (
        <Alert
          variant="warning"
          title={`${orphans.total} orphan key${orphans.total === 1 ? "" : "s"} in AWS`}
          className="mb-4"
          data-testid="orphans"
        >
          Found by the last usage sync with no owner in Tollgate:{" "}
          {orphans.items.map((o) => `${o.name || "(unnamed)"} (${o.id})`).join(", ")}
          {orphans.total > orphans.items.length ? ", …" : ""}. Delete them in AWS or ask who created them.
        </Alert>
      ) : null}
      <FilterBar
        search={{ label: "Search keys", placeholder: "Label or key id", defaultValue: q }}
        selects={[
          {
            name: "tenant",
            label: "Tenant",
            defaultValue: tenantId,
            className: "w-48",
            options: [
              { value: "", label: "Any tenant" },
              ...tenants.map((t) => ({ value: t.id, label: t.name })),
            ],
          },
          {
            name: "status",
            label: "Status",
            defaultValue: status,
            options: [
              { value: "", label: "Not deleted" },
              { value: "ACTIVE", label: "Active" },
              { value: "DISABLED", label: "Disabled" },
              { value: "DELETED", label: "Deleted" },
            ],
          },
        ]}
      />
      <p className="mb-2 text-sm text-muted-foreground" data-testid="key-total">
        {total.toLocaleString("en")} {total === 1 ? "key" : "keys"}
      </p>
      {items.length === 0 ? (
        <EmptyState
          icon={<KeyRound />}
          title="No keys match"
          description="Partners create keys in their portal once their tenant is on a usage plan."
        />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Key</TableHead>
              <TableHead>Tenant</TableHead>
              <TableHead>Plans</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Created</TableHead>
              <TableHead>Last used</TableHead>
              {manage ? <TableHead className="text-right">Actions</TableHead> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((k) => (
              <TableRow key={k.id}>
                <TableCell className="font-medium">
                  {k.label} <span className="text-muted-foreground">({k.environment})</span>
                  <div className="font-mono text-xs text-muted-foreground">{k.id}</div>
                </TableCell>
                <TableCell>{k.tenantName}</TableCell>
                <TableCell>
                  {(tenantPlans.get(k.tenantId) ?? []).map((id) => planName.get(id) ?? id).join(", ") || "—"}
                </TableCell>
                <TableCell className="flex flex-wrap gap-1">
                  <Badge
                    variant={
                      k.status === "ACTIVE" ? "success" : k.status === "DISABLED" ? "warning" : "secondary"
                    }
                  >
                    {k.status === "DISABLED" && k.revokedAt
                      ? "revoked by the partner"
                      : k.status.toLowerCase()}
                  </Badge>
                  {k.cleanupPending ? <Badge variant="destructive">cleanup pending</Badge> : null}
                  {k.disabledBySuspension ? <Badge variant="outline">suspended</Badge> : null}
                  {k.graceUntil && k.status === "ACTIVE" ? <Badge variant="info">rotating</Badge> : null}
                  {k.graceUntil && k.status === "DISABLED" ? <Badge variant="outline">replaced</Badge> : null}
                </TableCell>
                <TableCell>{formatDate(k.createdAt)}</TableCell>
                <TableCell>{k.lastUsedDay ?? "—"}</TableCell>
                {manage ? (
                  <TableCell className="text-right">
                    {k.status !== "DELETED" ? (
                      <OpsKeyActions
                        k={{
                          id: k.id,
                          label: k.label,
                          status: k.status,
                          tenantName: k.tenantName,
                          revokedAt: k.revokedAt,
                          replaced: k.graceUntil !== null,
                        }}
                      />
                    ) : null}
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pagination
        className="mt-4"
        page={page}
        pageCount={Math.max(1, Math.ceil(total / PAGE_SIZE))}
        hrefFor={(p) => pageHref("/ops/keys", definedOnly({ q, status, tenant: tenantId }), p)}
      />
    </>
  );
}
