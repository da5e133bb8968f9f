"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { now } from "@/lib/clock";
import { forgetGoneKey } from "@/lib/db/drift";
import { AppError } from "@/lib/errors";
import { inventoryScope } from "@/lib/inventory/scope";
import { forgetGoneKeySchema } from "@/lib/schemas/drift";

/** Drift: a Tollgate key record whose key no longer exists in AWS is marked deleted (its usage history stays). */
export const forgetGoneKeyAction = defineAction({
  name: "drift.forget-key",
  permission: "keys.manage",
  input: forgetGoneKeySchema,
  handler: async ({ actor, input }) => {
    if (!(await forgetGoneKey(actor, inventoryScope(), input.keyId, now())))
      throw new AppError("not_found", "This key is no longer listed as missing in AWS; reload the page.");
    revalidatePath("/ops/drift");
    return { keyId: input.keyId };
  },
  audit: { action: "drift.forget-key", targetType: "api-key", targetId: (i) => i.keyId ?? null },
});
