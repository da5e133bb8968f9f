"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { reissueInvoice } from "@/lib/invoices/commands";
import { invoiceIdSchema } from "@/lib/schemas/finance";

export const reissueInvoiceAction = defineAction({
  name: "invoice.reissue",
  permission: "finance.manage",
  input: invoiceIdSchema,
  handler: async ({ actor, input }) => {
    const r = await reissueInvoice(actor, input.invoiceId);
    revalidatePath("/finance/invoices");
    return r;
  },
  audit: {
    action: "invoice.reissue",
    targetType: "invoice",
    targetId: (i) => i.invoiceId,
    summary: (_i, o) => ({ ...o }),
  },
});
