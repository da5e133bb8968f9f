"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { createKeySchema } from "@/lib/schemas/keys";
import { createKey } from "@/lib/keys/commands";

/** Returns the key value once for the partner to copy; the audit summary names the key, never its value. */
export const createApiKeyAction = defineAction({
  name: "key.create",
  permission: "keys.self",
  input: createKeySchema,
  handler: async ({ actor, input }) => {
    const key = await createKey(actor, input);
    revalidatePath("/partner");
    return key;
  },
  audit: {
    action: "key.create",
    targetType: "api-key",
    targetId: (_i, o) => o?.id,
    summary: (i) => ({ label: i.label, environment: i.environment }),
  },
});
