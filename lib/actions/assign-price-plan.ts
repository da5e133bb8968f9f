"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { assignPricePlan } from "@/lib/db/price-plans";
import { assignPlanSchema } from "@/lib/schemas/finance";

export const assignPricePlanAction = defineAction({
  name: "price-plan.assign",
  permission: "finance.manage",
  input: assignPlanSchema,
  handler: async ({ actor, input }) => {
    const r = await assignPricePlan(actor, input);
    revalidatePath("/finance/price-plans");
    return r;
  },
  audit: {
    action: "price-plan.assign",
    targetType: "tenant",
    targetId: (i) => i.tenantId,
    summary: (i, o) => ({ planId: i.planId, plan: o?.planName, effectiveFrom: i.effectiveFrom }),
  },
});
