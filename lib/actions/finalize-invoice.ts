"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { finalizeInvoice } from "@/lib/invoices/commands";
import { invoiceIdSchema } from "@/lib/schemas/finance";

export const finalizeInvoiceAction = defineAction({
  name: "invoice.finalize",
  permission: "finance.manage",
  input: invoiceIdSchema,
  handler: async ({ actor, input }) => {
    const r = await finalizeInvoice(actor, input.invoiceId);
    revalidatePath("/finance/invoices");
    return r;
  },
  audit: {
    action: "invoice.finalize",
    targetType: "invoice",
    targetId: (i) => i.invoiceId,
    summary: (_i, o) => ({ ...o }),
  },
});
