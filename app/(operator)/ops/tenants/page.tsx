import type { Metadata } from "next";
import { Building2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { FilterBar } from "@/components/lists/filter-bar";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { tenantsQuerySchema, type RawSearchParams } from "@/lib/schemas/list-params";
import { formatDate } from "@/lib/format";
import { CreateTenantDialog } from "./_components/create-tenant-dialog";
import { TenantRowActions } from "./_components/tenant-row-actions";
import { definedOnly } from "@/lib/utils/defined-only";
import { loadTenants } from "@/lib/tenants/loaders";

export const metadata: Metadata = { title: "Tenants" };

export default async function TenantsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("tenants.read");
  const { q, status } = tenantsQuerySchema.parse(await searchParams);
  const tenants = await loadTenants(actor, definedOnly({ q, status }));
  const manage = can(actor.role, "tenants.manage");
  return (
    <>
      <PageHeader
        title="Tenants"
        description="A tenant is a partner organisation that calls your APIs. Its partner users manage its API keys; suspending it signs them out and keeps them out."
        actions={manage ? <CreateTenantDialog /> : null}
      />
      <FilterBar
        search={{ label: "Search tenants", placeholder: "Search by name", defaultValue: q }}
        selects={[
          {
            name: "status",
            label: "Status",
            defaultValue: status,
            options: [
              { value: "", label: "Any status" },
              { value: "ACTIVE", label: "Active" },
              { value: "SUSPENDED", label: "Suspended" },
            ],
          },
        ]}
      />
      {tenants.length === 0 ? (
        <EmptyState
          icon={<Building2 />}
          title={q || status ? "No tenants match" : "No tenants yet"}
          description={
            q || status
              ? "Try another search or status."
              : "Create the first tenant, then invite its partner users."
          }
          action={manage && !q && !status ? <CreateTenantDialog /> : null}
        />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Users</TableHead>
              <TableHead>Billing email</TableHead>
              <TableHead>Created</TableHead>
              {manage ? <TableHead className="text-right">Actions</TableHead> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {tenants.map((t) => (
              <TableRow key={t.id} data-testid={`tenant-row-${t.slug}`}>
                <TableCell className="font-medium">
                  {t.name}
                  <div className="text-xs text-muted-foreground">{t.id}</div>
                </TableCell>
                <TableCell>
                  <Badge variant={t.status === "ACTIVE" ? "success" : "warning"}>
                    {t.status === "ACTIVE" ? "Active" : "Suspended"}
                  </Badge>
                </TableCell>
                <TableCell>{t.userCount}</TableCell>
                <TableCell>{t.billingEmail ?? "—"}</TableCell>
                <TableCell>{formatDate(t.createdAt)}</TableCell>
                {manage ? (
                  <TableCell className="text-right">
                    <TenantRowActions
                      tenant={{
                        id: t.id,
                        name: t.name,
                        status: t.status,
                        activeKeyCount: t.activeKeyCount,
                        suspendedKeyCount: t.suspendedKeyCount,
                      }}
                    />
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
