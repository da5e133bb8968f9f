"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { approvePlanRequest } from "@/lib/plan-requests/commands";
import { planRequestIdSchema } from "@/lib/schemas/plan-requests";

/** An operator approves a partner's plan request: the tenant's keys move to the requested plan. */
export const approvePlanRequestAction = defineAction({
  name: "plan-request.approve",
  permission: "plans.manage",
  input: planRequestIdSchema,
  handler: async ({ actor, input }) => {
    const r = await approvePlanRequest(actor, input.requestId);
    revalidatePath("/ops/plan-requests");
    revalidatePath("/ops/usage-plans");
    return { requestId: r.id, tenantId: r.tenantId, from: r.fromPlanId, to: r.toPlanId };
  },
  audit: {
    action: "plan-request.approve",
    targetType: "plan-request",
    targetId: (i) => i.requestId,
    summary: (_i, o) => (o ? { tenantId: o.tenantId, from: o.from, to: o.to } : {}),
  },
});
