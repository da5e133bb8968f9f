import type { Metadata } from "next";
import { Building2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { CreateTenantDialog } from "./_components/create-tenant-dialog";
import { TenantRowActions } from "./_components/tenant-row-actions";
import { loadTenants, type TenantStatus } from "@/lib/tenants/loaders";

export const metadata: Metadata = { title: "Tenants" };

export default async function TenantsPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; status?: string }>;
}) {
  const actor = await requirePermission("tenants.read");
  const sp = await searchParams;
  const status =
    sp.status === "ACTIVE" || sp.status === "SUSPENDED" ? (sp.status as TenantStatus) : undefined;
  const q = sp.q?.trim().slice(0, 80) || undefined;
  const tenants = await loadTenants(actor, { ...(q ? { q } : {}), ...(status ? { status } : {}) });
  const manage = can(actor.role, "tenants.manage");
  return (
    <>
      <PageHeader
        title="Tenants"
        description="A tenant is a partner organisation that calls your APIs. Its partner users manage its API keys; suspending it signs them out and keeps them out."
        actions={manage ? <CreateTenantDialog /> : null}
      />
      <form className="mb-4 flex flex-wrap items-end gap-2" role="search">
        <label className="sr-only" htmlFor="q">
          Search tenants
        </label>
        <Input id="q" name="q" defaultValue={q} placeholder="Search by name" className="max-w-xs" />
        <label className="sr-only" htmlFor="status">
          Status
        </label>
        <Select
          id="status"
          name="status"
          defaultValue={status ?? ""}
          className="w-40"
          options={[
            { value: "", label: "Any status" },
            { value: "ACTIVE", label: "Active" },
            { value: "SUSPENDED", label: "Suspended" },
          ]}
        />
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
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
                    <TenantRowActions tenant={{ id: t.id, name: t.name, status: t.status }} />
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
