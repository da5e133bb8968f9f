"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { tokenIdSchema } from "@/lib/schemas/tokens";
import { revokeApiToken } from "@/lib/tokens/commands";

/** Revokes an automation API token at once (a partner: its own tenant's tokens only). */
export const revokeTenantTokenAction = defineAction({
  name: "token.revoke",
  permission: "tokens.self",
  input: tokenIdSchema,
  handler: async ({ actor, input }) => {
    const out = await revokeApiToken(actor, input.tokenId);
    revalidatePath("/partner/tokens");
    return { id: out.id };
  },
  audit: { action: "token.revoke", targetType: "api-token", targetId: (i) => i.tokenId },
});
