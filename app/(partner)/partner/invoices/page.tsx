import type { Metadata } from "next";
import { FileText } from "lucide-react";
import { InvoiceTable } from "@/components/finance/invoice-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/page-guard";
import { INVOICE_PAGE_SIZE, loadInvoices } from "@/lib/invoices/loaders";
import { parsePage } from "@/lib/schemas/paging";

export const metadata: Metadata = { title: "Invoices" };

export default async function PartnerInvoicesPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string }>;
}) {
  const actor = await requirePermission("partner.view");
  const page = parsePage((await searchParams).page);
  const { rows, total } = await loadInvoices(actor, { page });
  return (
    <>
      <PageHeader
        title="Invoices"
        description="Your monthly invoices, priced from the requests all your API keys made and your price plan. They appear here once finance finalizes them, a few days after the month ends."
      />
      {rows.length === 0 ? (
        <EmptyState
          icon={<FileText />}
          title="No invoices yet"
          description="Your first invoice appears here after the month it covers has ended and been finalized."
        />
      ) : (
        <>
          <InvoiceTable rows={rows} base="/partner/invoices" showTenant={false} />
          <Pagination
            page={page}
            pageCount={Math.ceil(total / INVOICE_PAGE_SIZE)}
            hrefFor={(p) => `/partner/invoices?page=${p}`}
          />
        </>
      )}
    </>
  );
}
