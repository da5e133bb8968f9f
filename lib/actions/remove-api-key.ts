"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { keyIdSchema } from "@/lib/schemas/keys";
import { deleteKey } from "@/lib/keys/commands";

/** Operator: delete any tenant's key (including ones a failed operation left flagged for cleanup). */
export const removeApiKeyAction = defineAction({
  name: "key.remove",
  permission: "keys.manage",
  input: keyIdSchema,
  handler: async ({ actor, input }) => {
    const out = await deleteKey(actor, input.keyId);
    revalidatePath("/ops/keys");
    return out;
  },
  audit: { action: "key.remove", targetType: "api-key", targetId: (i) => i.keyId },
});
