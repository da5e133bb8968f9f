import type { Metadata } from "next";
import Link from "next/link";
import { InvoiceView } from "@/components/finance/invoice-view";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-guard";
import { PageReadError } from "@/components/page-read-error";
import { readPage } from "@/lib/page-read";
import { loadInvoice } from "@/lib/invoices/loaders";

export const metadata: Metadata = { title: "Invoice" };

/** Read-only. Another tenant's invoice id is a 404 (loadInvoice scopes by the session's tenant). */
export default async function PartnerInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("partner.view");
  const read = await readPage(loadInvoice(actor, (await params).id));
  if (!read.ok) return <PageReadError title="The invoice could not be loaded" message={read.message} />;
  const inv = read.data;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/partner/invoices" className="hover:underline">
            ← Invoices
          </Link>
        }
        title={`${inv.number ?? "Invoice"} · ${inv.month}`}
        actions={
          <>
            <a
              className={buttonVariants({ variant: "outline" })}
              href={`/api/invoices/${inv.id}/csv`}
              download
            >
              Download CSV
            </a>
            <Link
              className={buttonVariants({ variant: "outline" })}
              href={`/print/invoices/${inv.id}`}
              target="_blank"
            >
              Print view
            </Link>
          </>
        }
      />
      <InvoiceView invoice={inv} />
    </>
  );
}
