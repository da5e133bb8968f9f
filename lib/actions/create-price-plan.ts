"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { createPricePlan } from "@/lib/db/price-plans";
import { createPricePlanSchema } from "@/lib/schemas/finance";

export const createPricePlanAction = defineAction({
  name: "price-plan.create",
  permission: "finance.manage",
  input: createPricePlanSchema,
  handler: async ({ actor, input }) => {
    const plan = await createPricePlan(actor, input);
    revalidatePath("/finance/price-plans");
    return plan;
  },
  audit: {
    action: "price-plan.create",
    targetType: "price-plan",
    targetId: (_i, o) => o?.id,
    summary: (i) => ({
      name: i.name,
      currency: i.currency,
      effectiveFrom: i.effectiveFrom,
      tierMode: i.tierMode,
    }),
  },
});
