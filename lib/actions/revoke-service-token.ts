"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { tokenIdSchema } from "@/lib/schemas/tokens";
import { revokeApiToken } from "@/lib/tokens/commands";

/** Revokes an automation API token at once. */
export const revokeServiceTokenAction = defineAction({
  name: "token.revoke",
  permission: "tokens.manage",
  input: tokenIdSchema,
  handler: async ({ actor, input }) => {
    const out = await revokeApiToken(actor, input.tokenId);
    revalidatePath("/ops/tokens");
    return { id: out.id };
  },
  audit: { action: "token.revoke", targetType: "api-token", targetId: (i) => i.tokenId },
});
