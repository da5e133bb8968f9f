"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { generateInvoices } from "@/lib/invoices/commands";
import { generateInvoicesSchema } from "@/lib/schemas/finance";

export const generateInvoicesAction = defineAction({
  name: "invoice.generate",
  permission: "finance.manage",
  input: generateInvoicesSchema,
  handler: async ({ actor, input }) => {
    const r = await generateInvoices(actor, input.month);
    revalidatePath("/finance/invoices");
    return r;
  },
  audit: {
    action: "invoice.generate",
    targetType: "invoice-run",
    targetId: (i) => i.month,
    summary: (_i, o) => ({ ...o }),
  },
});
