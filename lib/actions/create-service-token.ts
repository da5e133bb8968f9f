"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { createTokenSchema } from "@/lib/schemas/tokens";
import { createApiToken } from "@/lib/tokens/commands";

/** An admin creates an automation API token: for staff, or acting for one tenant. The value is returned once; the audit names the token, never its value. */
export const createServiceTokenAction = defineAction({
  name: "token.create",
  permission: "tokens.manage",
  input: createTokenSchema,
  handler: async ({ actor, input }) => {
    const out = await createApiToken(actor, input);
    revalidatePath("/ops/tokens");
    return out;
  },
  audit: {
    action: "token.create",
    targetType: "api-token",
    targetId: (_i, o) => o?.token.id,
    summary: (i, o) => ({
      name: i.name,
      scopes: i.scopes,
      tenantId: o?.token.tenantId ?? null,
      expiresAt: o?.token.expiresAt ?? null,
      networks: i.ipAllowList?.length ?? 0,
    }),
  },
});
