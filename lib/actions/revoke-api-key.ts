"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { keyIdSchema } from "@/lib/schemas/keys";
import { revokeKey } from "@/lib/keys/commands";

/** A tenant owner revokes one of its own keys: disabled in AWS at once (members may not). */
export const revokeApiKeyAction = defineAction({
  name: "key.revoke",
  permission: "keys.revoke",
  input: keyIdSchema,
  handler: async ({ actor, input }) => {
    const out = await revokeKey(actor, input.keyId);
    revalidatePath("/partner");
    return out;
  },
  audit: { action: "key.revoke", targetType: "api-key", targetId: (i) => i.keyId },
});
