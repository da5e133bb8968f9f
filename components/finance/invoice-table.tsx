import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
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
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Invoice</TableHead>
          {showTenant ? <TableHead>Tenant</TableHead> : null}
          <TableHead>Period</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Requests</TableHead>
          <TableHead className="text-right">Total</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id} data-testid={`invoice-row-${r.tenantName}`}>
            <TableCell>
              <Link className="font-medium underline-offset-4 hover:underline" href={`${base}/${r.id}`}>
                {r.number ?? "Draft"}
              </Link>
            </TableCell>
            {showTenant ? <TableCell>{r.tenantName}</TableCell> : null}
            <TableCell>{r.month}</TableCell>
            <TableCell>
              <InvoiceStatusBadge status={r.status} />
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {BigInt(r.requests).toLocaleString("en-US")}
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatMinor(r.totalMinor, r.currency)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
