import type { Metadata } from "next";
import { FileText } from "lucide-react";
import { InvoiceTable } from "@/components/finance/invoice-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { FilterBar } from "@/components/lists/filter-bar";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { GenerateInvoicesForm } from "./_components/generate-invoices-form";
import { IssuerSettingsForm } from "./_components/issuer-settings-form";
import { formatRate } from "@/lib/billing/issuer";
import { loadIssuerSettings } from "@/lib/billing/loaders";
import { addMonths, currentMonth } from "@/lib/billing/months";
import { INVOICE_PAGE_SIZE, loadGraceDays, loadInvoices } from "@/lib/invoices/loaders";
import { invoicesQuerySchema, type RawSearchParams } from "@/lib/schemas/list-params";
import { definedOnly } from "@/lib/utils/defined-only";

export const metadata: Metadata = { title: "Invoices" };

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("finance.view");
  const { month, status, page } = invoicesQuerySchema.parse(await searchParams);
  const [{ rows, total, months }, grace, issuer] = await Promise.all([
    loadInvoices(actor, { ...definedOnly({ month, status }), page }),
    loadGraceDays(),
    loadIssuerSettings(),
  ]);
  const manage = can(actor.role, "finance.manage");
  const last = addMonths(currentMonth(new Date()), -1);
  const choices = Array.from({ length: 12 }, (_, i) => addMonths(last, -i));
  const filtered = Boolean(month || status);
  const hrefFor = (p: number) =>
    `/finance/invoices?${new URLSearchParams({ ...definedOnly({ month, status }), page: String(p) })}`;
  return (
    <>
      <PageHeader
        title="Invoices"
        description={`Monthly invoices per tenant, priced from the synced daily usage of all the tenant's API keys. Drafts for last month stay open ${grace} days for late usage, then finalize on their own. A finalized invoice never changes: void it with a reason and reissue it.`}
      />
      {manage ? (
        <Card className="mb-6">
          <CardHeader>
            <CardTitle>Generate a month</CardTitle>
            <CardDescription>
              Creates a draft for every tenant with a price plan or usage in the month, or re-prices existing
              drafts. Finalized invoices are left alone; usage that arrived after them is carried on the next
              invoice.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <GenerateInvoicesForm months={choices} />
          </CardContent>
        </Card>
      ) : null}
      <FilterBar
        selects={[
          {
            name: "month",
            label: "Month",
            defaultValue: month,
            options: [{ value: "", label: "Any month" }, ...months.map((m) => ({ value: m, label: m }))],
          },
          {
            name: "status",
            label: "Status",
            defaultValue: status,
            options: [
              { value: "", label: "Any status" },
              { value: "DRAFT", label: "Draft" },
              { value: "FINALIZED", label: "Finalized" },
              { value: "VOID", label: "Void" },
            ],
          },
        ]}
      />
      {rows.length === 0 ? (
        <EmptyState
          icon={<FileText />}
          title={filtered ? "No invoices match" : "No invoices yet"}
          description={
            filtered
              ? "Try another month or status."
              : "Give tenants a price plan (Price plans), then generate last month's invoices above."
          }
        />
      ) : (
        <>
          <InvoiceTable rows={rows} base="/finance/invoices" showTenant />
          <Pagination page={page} pageCount={Math.ceil(total / INVOICE_PAGE_SIZE)} hrefFor={hrefFor} />
        </>
      )}
      <Card className="mt-8">
        <CardHeader>
          <CardTitle>Issuer details</CardTitle>
          <CardDescription>
            Printed on every invoice: who bills, where to ask, when payment is due and the tax line. Each
            invoice keeps the details it was finalized with, so a change applies to invoices finalized from
            now on.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <IssuerSettingsForm
            editable={manage}
            initial={{
              name: issuer.name,
              address: issuer.address,
              taxId: issuer.taxId,
              email: issuer.email,
              paymentTermsDays: String(issuer.paymentTermsDays),
              taxRate: formatRate(issuer.taxRateBp).replace(" %", ""),
            }}
          />
        </CardContent>
      </Card>
    </>
  );
}
