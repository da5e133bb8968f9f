import "server-only";

/**
 * What the invoice screens, the print view and the CSV route load (lib/db/invoices.ts scopes every read by the
 * actor: a partner's reads see its own tenant's finalized invoices only).
 */
export {
  getInvoice as loadInvoice,
  listInvoices as loadInvoices,
  INVOICE_PAGE_SIZE,
  type InvoiceStatus,
  type InvoiceDto,
  type InvoiceDetailDto,
  type InvoiceLineDto,
} from "@/lib/db/invoices";
export { getGraceDays as loadGraceDays } from "@/lib/db/finance-settings";
