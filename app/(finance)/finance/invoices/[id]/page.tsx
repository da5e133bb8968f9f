import type { Metadata } from "next";
import Link from "next/link";
import { InvoiceView } from "@/components/finance/invoice-view";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { PageReadError } from "@/components/page-read-error";
import { readPage } from "@/lib/page-read";
import { InvoiceActions } from "../_components/invoice-actions";
import { PaymentControls } from "../_components/payment-controls";
import { loadInvoice } from "@/lib/invoices/loaders";

export const metadata: Metadata = { title: "Invoice" };

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("finance.view");
  const read = await readPage(loadInvoice(actor, (await params).id));
  if (!read.ok) return <PageReadError title="The invoice could not be loaded" message={read.message} />;
  const inv = read.data;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/finance/invoices" className="hover:underline">
            ← Invoices
          </Link>
        }
        title={`${inv.number ?? "Draft invoice"} · ${inv.tenantName} · ${inv.month}`}
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
      <div className="flex flex-col gap-6">
        {can(actor.role, "finance.manage") ? (
          <div className="flex flex-wrap items-start gap-2">
            <InvoiceActions
              invoice={inv}
              unpriced={inv.status === "DRAFT" ? inv.lines.filter((l) => l.kind === "UNPRICED") : []}
            />
            {inv.status === "FINALIZED" ? <PaymentControls invoice={inv} /> : null}
          </div>
        ) : null}
        {inv.reissueOf ? (
          <p className="text-sm">
            Reissue of{" "}
            <Link className="underline" href={`/finance/invoices/${inv.reissueOf.id}`}>
              {inv.reissueOf.number ?? "a void invoice"}
            </Link>
            .
          </p>
        ) : null}
        {inv.reissuedAs.map((r) => (
          <p key={r.id} className="text-sm">
            Reissued as{" "}
            <Link className="underline" href={`/finance/invoices/${r.id}`}>
              {r.number ?? "a new draft"}
            </Link>
            .
          </p>
        ))}
        <InvoiceView invoice={inv} />
      </div>
    </>
  );
}
