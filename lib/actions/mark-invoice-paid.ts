"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { markInvoicePaid } from "@/lib/db/invoice-payments";
import { markInvoicePaidSchema } from "@/lib/schemas/finance";

/** Finance records that a finalized invoice was paid (on a UTC day); audited with the day. */
export const markInvoicePaidAction = defineAction({
  name: "invoice.mark-paid",
  permission: "finance.manage",
  input: markInvoicePaidSchema,
  handler: async ({ actor, input }) => {
    const r = await markInvoicePaid(actor, input);
    revalidatePath(`/finance/invoices/${input.invoiceId}`);
    revalidatePath("/finance/invoices");
    return r;
  },
  audit: {
    action: "invoice.mark-paid",
    targetType: "invoice",
    targetId: (i) => i.invoiceId,
    summary: (i, o) => ({ paidOn: i.paidOn, number: o?.number }),
  },
});
