"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { changePlanSchema } from "@/lib/schemas/keys";
import { changePlan } from "@/lib/plans/commands";

export const changeTenantPlanAction = defineAction({
  name: "plan.change",
  permission: "plans.manage",
  input: changePlanSchema,
  handler: async ({ actor, input }) => {
    await changePlan(actor, input.tenantId, input.fromPlanId, input.toPlanId);
    revalidatePath("/ops/usage-plans");
    return { tenantId: input.tenantId };
  },
  audit: {
    action: "plan.change",
    targetType: "tenant",
    targetId: (i) => i.tenantId,
    summary: (i) => ({ from: i.fromPlanId, to: i.toPlanId }),
  },
});
