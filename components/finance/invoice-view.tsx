import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/lists/data-table";
import { formatMinor } from "@/lib/billing/money";
import { formatDate } from "@/lib/format";
import type { InvoiceDetailDto, InvoiceStatus } from "@/lib/invoices/loaders";

const STATUS: Record<InvoiceStatus, { label: string; variant: "secondary" | "success" | "destructive" }> = {
  DRAFT: { label: "Draft", variant: "secondary" },
  FINALIZED: { label: "Finalized", variant: "success" },
  VOID: { label: "Void", variant: "destructive" },
};

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  return <Badge variant={STATUS[status].variant}>{STATUS[status].label}</Badge>;
}

const qty = (s: string) => BigInt(s).toLocaleString("en-US");

/** The invoice itself: used by the finance page, the partner page and the print page. */
export function InvoiceView({ invoice }: { invoice: InvoiceDetailDto }) {
  const c = invoice.currency;
  return (
    <div className="flex flex-col gap-4" data-testid="invoice-view">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-muted-foreground">Invoice</dt>
          <dd className="font-medium" data-testid="invoice-number">
            {invoice.number ?? "Draft (numbered when finalized)"}
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Tenant</dt>
          <dd className="font-medium">{invoice.tenantName}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Period</dt>
          <dd>{invoice.month} (UTC days)</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Status</dt>
          <dd>
            <InvoiceStatusBadge status={invoice.status} />
          </dd>
        </div>
        {invoice.finalizedAt ? (
          <div>
            <dt className="text-muted-foreground">Finalized</dt>
            <dd>{formatDate(invoice.finalizedAt)}</dd>
          </div>
        ) : null}
        <div>
          <dt className="text-muted-foreground">Requests in period</dt>
          <dd>{qty(invoice.requests)}</dd>
        </div>
      </dl>
      {invoice.status === "VOID" ? (
        <p
          className="rounded-md border border-destructive/30 bg-destructive/10 p-3 text-sm"
          data-testid="void-reason"
        >
          Void{invoice.voidedAt ? ` since ${formatDate(invoice.voidedAt)}` : ""}: {invoice.voidReason}
        </p>
      ) : null}
      <DataTable
        caption="Invoice lines"
        rows={invoice.lines.map((l, i) => ({ ...l, i }))}
        rowKey={(l) => String(l.i)}
        columns={[
          { header: "Line", primary: true, cell: (l) => l.description },
          {
            header: "Days",
            className: "text-xs whitespace-nowrap text-muted-foreground",
            cell: (l) => `${l.periodFrom.slice(5)} – ${l.periodTo.slice(5)}`,
          },
          { header: "Quantity", align: "right", cell: (l) => qty(l.quantity) },
          {
            header: "Unit price",
            align: "right",
            cell: (l) =>
              l.kind === "TIER"
                ? `${formatMinor(l.unitPriceMinor, c)} / million`
                : l.kind === "BASE_FEE" || l.kind === "MINIMUM"
                  ? formatMinor(l.unitPriceMinor, c)
                  : "—",
          },
          { header: "Amount", align: "right", cell: (l) => formatMinor(l.amountMinor, c) },
        ]}
        footer={{
          label: `Total (${c})`,
          value: formatMinor(invoice.totalMinor, c),
          valueProps: { "data-testid": "invoice-total" },
        }}
      />
      <p className="text-xs text-muted-foreground">
        Amounts are in whole cents: each line is rounded once, half up; the total is the sum of the lines.
        Tier prices are per million requests. Included requests are free and counted before the tiers.
      </p>
    </div>
  );
}
