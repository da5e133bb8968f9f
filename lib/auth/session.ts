import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { sessionEndReason, type SessionEndReason } from "@/lib/db/session-ends";
import { getSessionUser } from "@/lib/db/users";
import { loginHref } from "./next-path";
import type { Actor } from "./actor";
import { auth } from "./auth";
import { isRole } from "./permissions";

/**
 * The acting user of this request, or null. Re-reads the user on every request, so a disabled user or a partner of
 * a suspended tenant loses access on the very next request even with a live session cookie.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  const u = await getSessionUser(session.user.id);
  if (!u || u.disabledAt || !isRole(u.role)) return null;
  if (u.role === "partner") {
    if (!u.tenantId || u.tenant?.status !== "ACTIVE") return null;
    return {
      kind: "partner",
      id: u.id,
      email: u.email,
      name: u.name,
      role: "partner",
      tenantId: u.tenantId,
      tenantName: u.tenant.name,
    };
  }
  return { kind: "staff", id: u.id, email: u.email, name: u.name, role: u.role, tenantId: null };
});

/** The request header proxy.ts sets to the path (and query) asked for, so sign-in can return there. */
export const REQUEST_PATH_HEADER = "x-tollgate-path";

/**
 * For pages and layouts: the actor, or a redirect to the sign-in page that comes back to the page asked for
 * (same-origin paths only, lib/auth/next-path.ts).
 */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(loginHref((await headers()).get(REQUEST_PATH_HEADER)));
  return actor;
}

/**
 * For the sign-in page: why this browser's last session was ended by someone else (its user disabled, its tenant
 * suspended), read from the session cookie it still carries; null when it simply expired or never existed.
 */
export async function signedOutReason(): Promise<SessionEndReason | null> {
  const jar = await cookies();
  // better-auth's cookie: "<prefix>.session_token" ("__Secure-" in front over HTTPS), value "<token>.<signature>".
  const cookie = jar.getAll().find((c) => c.name.replace(/^__Secure-/, "") === "tollgate.session_token");
  if (!cookie) return null;
  const value = decodeURIComponent(cookie.value);
  const dot = value.lastIndexOf(".");
  const token = dot > 0 ? value.slice(0, dot) : value;
  return token ? sessionEndReason(token) : null;
}
