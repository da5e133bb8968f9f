"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { withdrawPlanRequest } from "@/lib/plan-requests/commands";
import { planRequestIdSchema } from "@/lib/schemas/plan-requests";

/** A partner takes back its tenant's open plan request. */
export const withdrawPlanRequestAction = defineAction({
  name: "plan-request.withdraw",
  permission: "plans.request",
  input: planRequestIdSchema,
  handler: async ({ actor, input }) => {
    await withdrawPlanRequest(actor, input.requestId);
    revalidatePath("/partner/plan");
    return { requestId: input.requestId };
  },
  audit: { action: "plan-request.withdraw", targetType: "plan-request", targetId: (i) => i.requestId },
});
