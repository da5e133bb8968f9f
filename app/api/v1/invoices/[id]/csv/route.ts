import { defineApiRoute } from "@/lib/api/define-api-route";
import { getInvoiceCsv } from "@/lib/api/operations";
import { csvHeaders, invoiceCsv } from "@/lib/invoices/csv";
import { loadInvoice } from "@/lib/invoices/loaders";

export const GET = defineApiRoute(getInvoiceCsv, async ({ actor, params }) => {
  const { name, text } = invoiceCsv(await loadInvoice(actor, params.id));
  return new Response(text, { headers: csvHeaders(name) });
});
