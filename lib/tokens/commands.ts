import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { scopesFor, type ApiScope } from "@/lib/auth/permissions-api";
import { now } from "@/lib/clock";
import { findTenantRef, insertApiToken, revokeApiTokenRow, type ApiTokenDto } from "@/lib/db/api-tokens";
import { invalid } from "@/lib/errors";
import type { CreateTokenInput } from "@/lib/schemas/tokens";
import { hashToken, newTokenValue, TOKEN_PREFIX_LENGTH } from "./secret";

/**
 * Creates an automation API token. Admins (`tokens.manage`): a staff token, or one for a tenant they pick.
 * Partners (`tokens.self`): always for their own tenant (from the session), with tenant scopes only.
 * Returns the value once; only its hash is stored.
 */
export async function createApiToken(
  actor: Actor,
  input: CreateTokenInput,
): Promise<{ token: ApiTokenDto; value: string }> {
  assertCan(actor, actor.kind === "partner" ? "tokens.self" : "tokens.manage");
  let tenantId: string | null;
  if (actor.kind === "partner") tenantId = actor.tenantId;
  else if (input.tenantId) {
    const t = await findTenantRef(input.tenantId);
    if (!t) throw invalid("That tenant does not exist.", "tenantId");
    tenantId = t.id;
  } else tenantId = null;
  const allowed: readonly string[] = scopesFor(tenantId ? "tenant" : "staff");
  const wrong = input.scopes.filter((s) => !allowed.includes(s));
  if (wrong.length)
    throw invalid(
      tenantId
        ? `A tenant's token cannot hold ${wrong.join(", ")}: pick from ${allowed.join(", ")}.`
        : `A staff token cannot hold ${wrong.join(", ")} (those act for one tenant): pick a tenant, or drop them.`,
      "scopes",
    );
  const value = newTokenValue();
  const at = now();
  const token = await insertApiToken(actor, {
    name: input.name,
    prefix: value.slice(0, TOKEN_PREFIX_LENGTH),
    tokenHash: hashToken(value),
    scopes: [...new Set(input.scopes as ApiScope[])],
    tenantId,
    ipAllowList: input.ipAllowList,
    ratePerMinute: input.ratePerMinute,
    expiresAt: input.expiresInDays ? new Date(at.getTime() + input.expiresInDays * 86_400_000) : null,
  });
  return { token, value };
}

/** Revokes a token at once (the next request with it gets 401). Partners: their own tenant's tokens only. */
export async function revokeApiToken(actor: Actor, tokenId: string): Promise<ApiTokenDto> {
  return revokeApiTokenRow(actor, tokenId, now());
}
