"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { markInvoiceUnpaid } from "@/lib/db/invoice-payments";
import { invoiceIdSchema } from "@/lib/schemas/finance";

/** Undo a payment recorded by mistake; audited with the day that was recorded. */
export const markInvoiceUnpaidAction = defineAction({
  name: "invoice.mark-unpaid",
  permission: "finance.manage",
  input: invoiceIdSchema,
  handler: async ({ actor, input }) => {
    const r = await markInvoiceUnpaid(actor, input.invoiceId);
    revalidatePath(`/finance/invoices/${input.invoiceId}`);
    revalidatePath("/finance/invoices");
    return r;
  },
  audit: {
    action: "invoice.mark-unpaid",
    targetType: "invoice",
    targetId: (i) => i.invoiceId,
    summary: (_i, o) => ({ wasPaidOn: o?.paidOn }),
  },
});
