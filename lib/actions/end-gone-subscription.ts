"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { now } from "@/lib/clock";
import { endSubscriptionToGonePlan } from "@/lib/db/drift";
import { AppError } from "@/lib/errors";
import { loadDrift } from "@/lib/inventory/drift";
import { endGoneSubscriptionSchema } from "@/lib/schemas/drift";

/** Drift: ends a tenant's subscription to a usage plan that no longer exists in AWS (nothing to detach there). */
export const endGoneSubscriptionAction = defineAction({
  name: "drift.end-subscription",
  permission: "plans.manage",
  input: endGoneSubscriptionSchema,
  handler: async ({ actor, input }) => {
    const drift = await loadDrift(actor);
    if (!drift.subscriptionsToGonePlans.some((s) => s.id === input.subscriptionId))
      throw new AppError(
        "not_found",
        "This subscription's plan exists, or it has ended already; reload the page.",
      );
    await endSubscriptionToGonePlan(actor, input.subscriptionId, now());
    revalidatePath("/ops/drift");
    return { subscriptionId: input.subscriptionId };
  },
  audit: {
    action: "drift.end-subscription",
    targetType: "subscription",
    targetId: (i) => i.subscriptionId ?? null,
  },
});
