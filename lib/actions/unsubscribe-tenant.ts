"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { subscribeSchema } from "@/lib/schemas/keys";
import { unsubscribe } from "@/lib/plans/commands";

export const unsubscribeTenantAction = defineAction({
  name: "plan.unsubscribe",
  permission: "plans.manage",
  input: subscribeSchema,
  handler: async ({ actor, input }) => {
    await unsubscribe(actor, input.tenantId, input.usagePlanId);
    revalidatePath("/ops/usage-plans");
    return { tenantId: input.tenantId };
  },
  audit: {
    action: "plan.unsubscribe",
    targetType: "tenant",
    targetId: (i) => i.tenantId,
    summary: (i) => ({ usagePlanId: i.usagePlanId }),
  },
});
