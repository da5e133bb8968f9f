"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { AppError } from "@/lib/errors";
import { refreshObject } from "@/lib/inventory/refresh";
import { startJob } from "@/lib/jobs/scheduler";
import { refreshInventorySchema } from "@/lib/schemas/inventory";

/**
 * "Refresh" on an operator page: re-reads the object on screen from AWS into the inventory (a few calls,
 * rate-limited per object), or, for the lists, starts a sweep now. Outside changes it finds are recorded.
 */
export const refreshInventoryAction = defineAction({
  name: "inventory.refresh",
  permission: "ops.view",
  input: refreshInventorySchema,
  handler: async ({ input }) => {
    if (input.kind === "all") {
      if (!(await startJob("inventory-sync")))
        throw new AppError(
          "conflict",
          "A sync of the whole inventory is already running; the lists update when it ends.",
        );
      return { started: true };
    }
    await refreshObject(input);
    revalidatePath("/ops", "layout");
    return { started: false };
  },
  audit: {
    action: "inventory.refresh",
    targetType: "inventory",
    targetId: (i) => (i.kind ? `${i.kind}${"id" in i ? `:${i.id}` : ""}` : null),
  },
});
