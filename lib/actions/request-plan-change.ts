"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { requestPlanChange } from "@/lib/plan-requests/commands";
import { requestPlanSchema } from "@/lib/schemas/plan-requests";

/** A partner asks for another usage plan for its own tenant (one open request per tenant). */
export const requestPlanChangeAction = defineAction({
  name: "plan-request.create",
  permission: "plans.request",
  input: requestPlanSchema,
  handler: async ({ actor, input }) => {
    const r = await requestPlanChange(actor, input);
    revalidatePath("/partner/plan");
    return { requestId: r.id };
  },
  audit: {
    action: "plan-request.create",
    targetType: "plan-request",
    targetId: (_i, o) => o?.requestId,
    summary: (i) => ({ toPlanId: i.toPlanId, fromPlanId: i.fromPlanId }),
  },
});
