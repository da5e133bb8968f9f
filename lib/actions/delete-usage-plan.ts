"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { planIdSchema } from "@/lib/schemas/keys";
import { deletePlan } from "@/lib/plans/commands";

export const deleteUsagePlanAction = defineAction({
  name: "plan.delete",
  permission: "plans.manage",
  input: planIdSchema,
  handler: async ({ actor, input }) => {
    await deletePlan(actor, input.usagePlanId);
    revalidatePath("/ops/usage-plans");
    return { id: input.usagePlanId };
  },
  audit: { action: "plan.delete", targetType: "usage-plan", targetId: (i) => i.usagePlanId },
});
