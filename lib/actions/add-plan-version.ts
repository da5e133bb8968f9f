"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { addPlanVersion } from "@/lib/db/price-plans";
import { addPlanVersionSchema } from "@/lib/schemas/finance";

export const addPlanVersionAction = defineAction({
  name: "price-plan.version",
  permission: "finance.manage",
  input: addPlanVersionSchema,
  handler: async ({ actor, input }) => {
    const v = await addPlanVersion(actor, input);
    revalidatePath("/finance/price-plans");
    return v;
  },
  audit: {
    action: "price-plan.version",
    targetType: "price-plan",
    targetId: (i) => i.planId,
    summary: (i, o) => ({
      version: o?.version,
      effectiveFrom: i.effectiveFrom,
      baseFeeMinor: i.baseFee,
      includedRequests: i.includedRequests,
      minimumChargeMinor: i.minimumCharge,
      tierMode: i.tierMode,
      tiers: i.tiers,
    }),
  },
});
