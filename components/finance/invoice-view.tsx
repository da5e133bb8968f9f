import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/lists/data-table";
import { formatRate } from "@/lib/billing/issuer";
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
            <dt className="text-muted-foreground">Issued</dt>
            <dd data-testid="invoice-issued">{formatDate(invoice.finalizedAt)}</dd>
          </div>
        ) : null}
        {invoice.dueOn ? (
          <div>
            <dt className="text-muted-foreground">Due</dt>
            <dd data-testid="invoice-due">{invoice.dueOn}</dd>
          </div>
        ) : null}
        {invoice.status === "FINALIZED" ? (
          <div>
            <dt className="text-muted-foreground">Payment</dt>
            <dd data-testid="invoice-payment">
              {invoice.paidOn ? (
                <Badge variant="success">Paid on {invoice.paidOn}</Badge>
              ) : (
                <Badge variant="warning">Unpaid</Badge>
              )}
            </dd>
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
      {invoice.taxMinor !== null ? (
        <dl className="ml-auto grid w-full max-w-xs grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
          <dt>Subtotal</dt>
          <dd className="text-right tabular-nums">{formatMinor(invoice.totalMinor, c)}</dd>
          <dt>Tax ({formatRate(invoice.issuer.taxRateBp)})</dt>
          <dd className="text-right tabular-nums" data-testid="invoice-tax">
            {formatMinor(invoice.taxMinor, c)}
          </dd>
          <dt className="font-semibold">Total due</dt>
          <dd className="text-right font-semibold tabular-nums" data-testid="invoice-total-due">
            {formatMinor(BigInt(invoice.totalMinor) + BigInt(invoice.taxMinor), c)}
          </dd>
        </dl>
      ) : null}
      <p className="text-xs text-muted-foreground">
        Amounts are in whole cents: each line is rounded once, half up; the total is the sum of the lines.
        Tier prices are per million requests. Included requests are free and counted before the tiers.
      </p>
    </div>
  );
}
