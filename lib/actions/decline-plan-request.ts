"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { declinePlanRequest } from "@/lib/plan-requests/commands";
import { declinePlanRequestSchema } from "@/lib/schemas/plan-requests";

/** An operator declines a partner's plan request, with a reason the partner reads. */
export const declinePlanRequestAction = defineAction({
  name: "plan-request.decline",
  permission: "plans.manage",
  input: declinePlanRequestSchema,
  handler: async ({ actor, input }) => {
    const r = await declinePlanRequest(actor, input.requestId, input.reason);
    revalidatePath("/ops/plan-requests");
    return { requestId: r.id, tenantId: r.tenantId };
  },
  audit: {
    action: "plan-request.decline",
    targetType: "plan-request",
    targetId: (i) => i.requestId,
    summary: (i, o) => ({ reason: i.reason, ...(o ? { tenantId: o.tenantId } : {}) }),
  },
});
