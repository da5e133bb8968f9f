"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { subscribeSchema } from "@/lib/schemas/keys";
import { subscribe } from "@/lib/plans/commands";

/** Subscribes a tenant to a usage plan: its keys (now and future) are attached to the plan. */
export const subscribeTenantAction = defineAction({
  name: "plan.subscribe",
  permission: "plans.manage",
  input: subscribeSchema,
  handler: async ({ actor, input }) => {
    await subscribe(actor, input.tenantId, input.usagePlanId);
    revalidatePath("/ops/usage-plans");
    return { tenantId: input.tenantId, usagePlanId: input.usagePlanId };
  },
  audit: {
    action: "plan.subscribe",
    targetType: "tenant",
    targetId: (i) => i.tenantId,
    summary: (i) => ({ usagePlanId: i.usagePlanId }),
  },
});
