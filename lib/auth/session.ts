import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getSessionUser } from "@/lib/db/users";
import type { Actor } from "./actor";
import { auth } from "./auth";
import { isRole, isTenantRole } from "./permissions";

/**
 * The acting user of this request, or null. Re-reads the user on every request, so a disabled user or a partner of
 * a suspended tenant loses access on the very next request even with a live session cookie.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  const u = await getSessionUser(session.user.id);
  if (!u || u.disabledAt || !isRole(u.role)) return null;
  if (isTenantRole(u.role)) {
    if (!u.tenantId || u.tenant?.status !== "ACTIVE") return null;
    return {
      kind: "partner",
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      tenantId: u.tenantId,
      tenantName: u.tenant.name,
    };
  }
  return { kind: "staff", id: u.id, email: u.email, name: u.name, role: u.role, tenantId: null };
});

/** For pages and layouts: the actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}
