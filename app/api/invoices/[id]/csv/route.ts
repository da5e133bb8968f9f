import { defineRoute } from "@/lib/auth/define-route";
import { csvHeaders, invoiceCsv } from "@/lib/invoices/csv";
import { loadInvoice } from "@/lib/invoices/loaders";

/** One invoice as CSV. Finance staff: any invoice; a partner: only its own tenant's (not found otherwise). */
export const GET = defineRoute<{ id: string }>({
  permission: "invoices.read",
  handler: async ({ actor, params }) => {
    const { name, text } = invoiceCsv(await loadInvoice(actor, String(params.id ?? "")));
    return new Response(text, { headers: csvHeaders(name) });
  },
});
