import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { findTenantRef } from "@/lib/db/api-tokens";
import { notFound } from "@/lib/errors";

/**
 * The tenant a `{tenant}` path segment names (slug or id). A tenant token reaches only its own tenant: any other —
 * existing or not — is "Tenant was not found.", the same answer, so a token cannot learn which tenants exist.
 */
export async function resolveTenant(
  actor: Actor,
  ref: string,
): Promise<{ id: string; slug: string; name: string }> {
  const t = await findTenantRef(ref);
  if (!t || (actor.kind === "partner" && t.id !== actor.tenantId)) throw notFound("Tenant");
  return t;
}
