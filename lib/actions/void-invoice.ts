"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { voidInvoice } from "@/lib/invoices/commands";
import { voidInvoiceSchema } from "@/lib/schemas/finance";

export const voidInvoiceAction = defineAction({
  name: "invoice.void",
  permission: "finance.manage",
  input: voidInvoiceSchema,
  handler: async ({ actor, input }) => {
    const r = await voidInvoice(actor, input.invoiceId, input.reason);
    revalidatePath("/finance/invoices");
    return r;
  },
  audit: {
    action: "invoice.void",
    targetType: "invoice",
    targetId: (i) => i.invoiceId,
    summary: (i, o) => ({ reason: i.reason, number: o?.number }),
  },
});
