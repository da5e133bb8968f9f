import Papa from "papaparse";
import { defineRoute } from "@/lib/auth/define-route";
import { minorToDecimal } from "@/lib/billing/money";
import { loadInvoice } from "@/lib/invoices/loaders";

/** One invoice as CSV. Finance staff: any invoice; a partner: only its own tenant's (not found otherwise). */
export const GET = defineRoute<{ id: string }>({
  permission: "invoices.read",
  handler: async ({ actor, params }) => {
    const inv = await loadInvoice(actor, String(params.id ?? ""));
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
    const name = `${head.invoice}-${inv.tenantName.replace(/[^A-Za-z0-9]+/g, "-")}.csv`;
    return new Response(Papa.unparse(rows), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "no-store",
      },
    });
  },
});
