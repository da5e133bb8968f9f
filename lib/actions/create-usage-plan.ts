"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { planSchema } from "@/lib/schemas/keys";
import { toPlanInput } from "@/lib/schemas/plan-input";
import { createPlan } from "@/lib/plans/commands";

export const createUsagePlanAction = defineAction({
  name: "plan.create",
  permission: "plans.manage",
  input: planSchema,
  handler: async ({ actor, input }) => {
    const plan = await createPlan(actor, toPlanInput(input));
    revalidatePath("/ops/usage-plans");
    return { id: plan.id, name: plan.name };
  },
  audit: {
    action: "plan.create",
    targetType: "usage-plan",
    targetId: (_i, o) => o?.id,
    summary: (i) => ({
      name: i.name,
      rateLimit: i.rateLimit,
      burstLimit: i.burstLimit,
      quota: i.quotaLimit ?? null,
    }),
  },
});
