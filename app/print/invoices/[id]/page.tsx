import type { Metadata } from "next";
import { InvoiceView } from "@/components/finance/invoice-view";
import { PrintButton } from "@/components/finance/print-button";
import { requirePermission } from "@/lib/auth/page-guard";
import { PageReadError } from "@/components/page-read-error";
import { readPage } from "@/lib/page-read";
import { loadInvoice } from "@/lib/invoices/loaders";

export const metadata: Metadata = { title: "Invoice (print)" };

/**
 * Print-ready invoice: no navigation, A4 margins, black on white. Finance staff and the invoice's own tenant's
 * partners (loadInvoice scopes by the actor). Browsers' "Save as PDF" gives the PDF.
 */
export default async function PrintInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("invoices.read");
  const read = await readPage(loadInvoice(actor, (await params).id));
  if (!read.ok) return <PageReadError title="The invoice could not be loaded" message={read.message} />;
  const inv = read.data;
  return (
    <main className="mx-auto max-w-4xl bg-white p-8 text-black print:max-w-none print:p-0">
      <style>{"@page { size: A4; margin: 18mm; } @media print { body { background: white; } }"}</style>
      <header className="mb-6 flex items-start justify-between gap-4">
        <div>
          <p className="text-sm text-neutral-600">Tollgate · API usage invoice</p>
          <h1 className="text-2xl font-semibold">{inv.number ?? "DRAFT — not an invoice yet"}</h1>
          <p className="text-sm">
            Bill to: <strong>{inv.tenantName}</strong> · Period {inv.month}
          </p>
        </div>
        <PrintButton />
      </header>
      <InvoiceView invoice={inv} />
    </main>
  );
}
