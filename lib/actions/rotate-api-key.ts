"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { rotateKeySchema } from "@/lib/schemas/keys";
import { rotateKey } from "@/lib/keys/commands";

export const rotateApiKeyAction = defineAction({
  name: "key.rotate",
  permission: "keys.self",
  input: rotateKeySchema,
  handler: async ({ actor, input }) => {
    const key = await rotateKey(actor, input);
    revalidatePath("/partner");
    return key;
  },
  audit: {
    action: "key.rotate",
    targetType: "api-key",
    targetId: (i) => i.keyId,
    summary: (i, o) => ({ grace: i.grace, newKeyId: o?.id, graceUntil: o?.graceUntil }),
  },
});
