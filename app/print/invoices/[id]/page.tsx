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
    <main className="light-scope mx-auto max-w-4xl bg-white p-8 text-black print:max-w-none print:p-0">
      <style>{"@page { size: A4; margin: 18mm; } @media print { body { background: white; } }"}</style>
      <header className="mb-6 flex items-start justify-between gap-4">
        <div className="flex flex-col gap-1">
          <p className="text-sm text-neutral-700">API usage invoice</p>
          <h1 className="text-2xl font-semibold">{inv.number ?? "DRAFT — not an invoice yet"}</h1>
        </div>
        <PrintButton />
      </header>
      <section className="mb-6 grid gap-6 text-sm sm:grid-cols-2" aria-label="Issuer and customer">
        <div data-testid="print-issuer">
          <h2 className="font-semibold">From</h2>
          {inv.issuer.name ? (
            <>
              <p>{inv.issuer.name}</p>
              <p className="whitespace-pre-line">{inv.issuer.address}</p>
              {inv.issuer.taxId ? <p>Tax number: {inv.issuer.taxId}</p> : null}
              {inv.issuer.email ? <p>Billing questions: {inv.issuer.email}</p> : null}
            </>
          ) : (
            <p>Issuer details are not set (finance → Invoices → Issuer details).</p>
          )}
        </div>
        <div data-testid="print-customer">
          <h2 className="font-semibold">Bill to</h2>
          <p>{inv.tenantName}</p>
          <p>{inv.billingEmail ?? "No billing email on file"}</p>
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 sm:col-span-2">
          <dt className="text-neutral-700">Issue date</dt>
          <dd data-testid="print-issue-date">
            {inv.finalizedAt ? inv.finalizedAt.slice(0, 10) : "not issued (draft)"}
          </dd>
          <dt className="text-neutral-700">Due date</dt>
          <dd data-testid="print-due-date">{inv.dueOn ?? "set when the invoice is issued"}</dd>
          <dt className="text-neutral-700">Period</dt>
          <dd>{inv.month} (UTC days)</dd>
        </dl>
      </section>
      <InvoiceView invoice={inv} />
    </main>
  );
}
