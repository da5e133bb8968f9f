"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { updatePlanSchema } from "@/lib/schemas/keys";
import { toPlanInput } from "@/lib/schemas/plan-input";
import { updatePlan } from "@/lib/plans/commands";

export const updateUsagePlanAction = defineAction({
  name: "plan.update",
  permission: "plans.manage",
  input: updatePlanSchema,
  handler: async ({ actor, input }) => {
    const plan = await updatePlan(actor, input.usagePlanId, toPlanInput(input.plan));
    revalidatePath("/ops/usage-plans");
    return { id: plan.id, name: plan.name };
  },
  audit: {
    action: "plan.update",
    targetType: "usage-plan",
    targetId: (i) => i.usagePlanId,
    summary: (i) => ({ name: i.plan?.name, rateLimit: i.plan?.rateLimit, quota: i.plan?.quotaLimit ?? null }),
  },
});
