import type { Metadata } from "next";
import { FileText } from "lucide-react";
import { InvoiceTable } from "@/components/finance/invoice-table";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { addMonths, currentMonth } from "@/lib/db/invoice-run";
import { INVOICE_PAGE_SIZE, listInvoices, type InvoiceStatus } from "@/lib/db/invoices";
import { getGraceDays } from "@/lib/db/finance-settings";
import { GenerateInvoicesForm } from "./_components/generate-invoices-form";
import { parsePage } from "@/lib/schemas/paging";

export const metadata: Metadata = { title: "Invoices" };

const STATUSES = ["DRAFT", "FINALIZED", "VOID"] as const;

export default async function InvoicesPage({
  searchParams,
}: {
  searchParams: Promise<{ month?: string; status?: string; page?: string }>;
}) {
  const actor = await requirePermission("finance.view");
  const sp = await searchParams;
  const month = sp.month && /^\d{4}-\d{2}$/.test(sp.month) ? sp.month : undefined;
  const status = STATUSES.find((s) => s === sp.status) as InvoiceStatus | undefined;
  const page = parsePage(sp.page);
  const [{ rows, total, months }, grace] = await Promise.all([
    listInvoices(actor, { ...(month ? { month } : {}), ...(status ? { status } : {}), page }),
    getGraceDays(),
  ]);
  const manage = can(actor.role, "finance.manage");
  const last = addMonths(currentMonth(new Date()), -1);
  const choices = Array.from({ length: 12 }, (_, i) => addMonths(last, -i));
  const filtered = Boolean(month || status);
  const hrefFor = (p: number) =>
    `/finance/invoices?${new URLSearchParams({ ...(month ? { month } : {}), ...(status ? { status } : {}), page: String(p) })}`;
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
      <form className="mb-4 flex flex-wrap items-end gap-2" role="search">
        <label className="sr-only" htmlFor="month">
          Month
        </label>
        <Select
          id="month"
          name="month"
          defaultValue={month ?? ""}
          className="w-40"
          options={[{ value: "", label: "Any month" }, ...months.map((m) => ({ value: m, label: m }))]}
        />
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
            { value: "DRAFT", label: "Draft" },
            { value: "FINALIZED", label: "Finalized" },
            { value: "VOID", label: "Void" },
          ]}
        />
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
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
    </>
  );
}
