import Papa from "papaparse";
import { minorToDecimal } from "@/lib/billing/money";
import type { InvoiceDetailDto } from "./loaders";

/** One invoice as CSV (the console's download and the automation API's): its file name and text. Pure. */
export function invoiceCsv(inv: InvoiceDetailDto): { name: string; text: string } {
  const head = {
    invoice: inv.number ?? `DRAFT-${inv.id}`,
    status: inv.status,
    tenant: inv.tenantName,
    period: inv.month,
    currency: inv.currency,
  };
  const rows = inv.lines.map((l) => ({
    ...head,
    line: l.description,
    kind: l.kind,
    period_from: l.periodFrom,
    period_to: l.periodTo,
    quantity: l.quantity,
    unit_price:
      l.kind === "TIER"
        ? `${minorToDecimal(l.unitPriceMinor)} per million`
        : minorToDecimal(l.unitPriceMinor),
    amount: minorToDecimal(l.amountMinor),
  }));
  rows.push({
    ...head,
    line: "Total",
    kind: "TOTAL",
    period_from: "",
    period_to: "",
    quantity: inv.requests,
    unit_price: "",
    amount: minorToDecimal(inv.totalMinor),
  });
  return {
    name: `${head.invoice}-${inv.tenantName.replace(/[^A-Za-z0-9]+/g, "-")}.csv`,
    text: Papa.unparse(rows),
  };
}

export const csvHeaders = (name: string) => ({
  "content-type": "text/csv; charset=utf-8",
  "content-disposition": `attachment; filename="${name}"`,
  "cache-control": "no-store",
});
