"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { keyIdSchema } from "@/lib/schemas/keys";
import { deleteKey } from "@/lib/keys/commands";

/**
 * Deletes an API key (AWS forgets it; its usage history stays with the tenant). A partner may delete its own
 * tenant's revoked keys, an operator any tenant's key, including ones a failed operation left flagged for cleanup;
 * `deleteKey` enforces the difference.
 */
export const deleteApiKeyAction = defineAction({
  name: "key.delete",
  permission: "keys.delete",
  input: keyIdSchema,
  handler: async ({ actor, input }) => {
    const out = await deleteKey(actor, input.keyId);
    revalidatePath(actor.kind === "partner" ? "/partner" : "/ops/keys");
    return out;
  },
  audit: { action: "key.delete", targetType: "api-key", targetId: (i) => i.keyId },
});
