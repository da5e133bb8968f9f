import { defineApiRoute } from "@/lib/api/define-api-route";
import { getInvoice } from "@/lib/api/operations";
import { loadInvoice } from "@/lib/invoices/loaders";

export const GET = defineApiRoute(getInvoice, async ({ actor, params }) => loadInvoice(actor, params.id));
