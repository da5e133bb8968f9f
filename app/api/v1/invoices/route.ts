import { defineApiRoute } from "@/lib/api/define-api-route";
import { listInvoices } from "@/lib/api/operations";
import { resolveTenant } from "@/lib/api/tenant-ref";
import { loadInvoices } from "@/lib/invoices/loaders";

export const GET = defineApiRoute(listInvoices, async ({ actor, query }) => {
  const tenant = query.tenant ? await resolveTenant(actor, query.tenant) : null;
  return loadInvoices(actor, {
    ...(query.month ? { month: query.month } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(tenant ? { tenantId: tenant.id } : {}),
    page: query.page ? Number(query.page) : 1,
  });
});
