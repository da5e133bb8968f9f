"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { setIssuerSettings } from "@/lib/db/finance-settings";
import { issuerSettingsSchema } from "@/lib/schemas/finance";

/** Issuer details, payment terms and tax rate for invoices finalized from now on; audited before → after. */
export const updateIssuerSettingsAction = defineAction({
  name: "finance.issuer-settings",
  permission: "finance.manage",
  input: issuerSettingsSchema,
  handler: async ({ actor, input }) => {
    const after = {
      name: input.name,
      address: input.address,
      taxId: input.taxId,
      email: input.email,
      paymentTermsDays: input.paymentTermsDays,
      taxRateBp: input.taxRate,
    };
    const before = await setIssuerSettings(actor, after);
    revalidatePath("/finance/invoices");
    return { before, after };
  },
  audit: {
    action: "finance.issuer-settings",
    targetType: "finance-setting",
    targetId: () => "invoiceIssuer",
    summary: (_i, o) => ({ before: o?.before, after: o?.after }),
  },
});
