"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { setKeyEnabledSchema } from "@/lib/schemas/keys";
import { enableKey, revokeKey } from "@/lib/keys/commands";
import { definedOnly } from "@/lib/utils/defined-only";

/** Operator: enable or disable any tenant's key. */
export const setKeyEnabledAction = defineAction({
  name: "key.set-enabled",
  permission: "keys.manage",
  input: setKeyEnabledSchema,
  handler: async ({ actor, input }) => {
    const out = input.enabled
      ? await enableKey(
          actor,
          input.keyId,
          definedOnly({ overridePartnerRevoke: input.overridePartnerRevoke }),
        )
      : await revokeKey(actor, input.keyId);
    revalidatePath("/ops/keys");
    return out;
  },
  audit: {
    action: (i) =>
      i.enabled ? (i.overridePartnerRevoke ? "key.enable-over-partner-revoke" : "key.enable") : "key.disable",
    targetType: "api-key",
    targetId: (i) => i.keyId,
  },
});
