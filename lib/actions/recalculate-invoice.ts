"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { recalculateInvoice } from "@/lib/invoices/commands";
import { invoiceIdSchema } from "@/lib/schemas/finance";

export const recalculateInvoiceAction = defineAction({
  name: "invoice.recalculate",
  permission: "finance.manage",
  input: invoiceIdSchema,
  handler: async ({ actor, input }) => {
    const r = await recalculateInvoice(actor, input.invoiceId);
    revalidatePath("/finance/invoices");
    return r;
  },
  audit: {
    action: "invoice.recalculate",
    targetType: "invoice",
    targetId: (i) => i.invoiceId,
    summary: (_i, o) => ({ ...o }),
  },
});
