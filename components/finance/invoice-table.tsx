import Link from "next/link";
import { DataTable } from "@/components/lists/data-table";
import { formatMinor } from "@/lib/billing/money";
import { InvoiceStatusBadge } from "./invoice-view";
import type { InvoiceDto } from "@/lib/invoices/loaders";

export function InvoiceTable({
  rows,
  base,
  showTenant,
}: {
  rows: InvoiceDto[];
  base: string;
  showTenant: boolean;
}) {
  return (
    <DataTable
      caption="Invoices"
      rows={rows}
      rowKey={(r) => r.id}
      rowProps={(r) => ({ "data-testid": `invoice-row-${r.tenantName}` })}
      columns={[
        {
          header: "Invoice",
          primary: true,
          cell: (r) => (
            <Link className="font-medium underline-offset-4 hover:underline" href={`${base}/${r.id}`}>
              {r.number ?? "Draft"}
            </Link>
          ),
        },
        showTenant && { header: "Tenant", cell: (r) => r.tenantName },
        { header: "Period", cell: (r) => r.month },
        { header: "Status", cell: (r) => <InvoiceStatusBadge status={r.status} /> },
        {
          header: "Requests",
          align: "right",
          cell: (r) => BigInt(r.requests).toLocaleString("en-US"),
        },
        { header: "Total", align: "right", cell: (r) => formatMinor(r.totalMinor, r.currency) },
      ]}
    />
  );
}
