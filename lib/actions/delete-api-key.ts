"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { keyIdSchema } from "@/lib/schemas/keys";
import { deleteKey } from "@/lib/keys/commands";

/** A partner deletes one of its own revoked keys (AWS forgets it; its usage history stays with the tenant). */
export const deleteApiKeyAction = defineAction({
  name: "key.delete",
  permission: "keys.self",
  input: keyIdSchema,
  handler: async ({ actor, input }) => {
    const out = await deleteKey(actor, input.keyId);
    revalidatePath("/partner");
    return out;
  },
  audit: { action: "key.delete", targetType: "api-key", targetId: (i) => i.keyId },
});
