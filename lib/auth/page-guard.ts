import "server-only";
import { redirect } from "next/navigation";
import type { Actor } from "./actor";
import { can, type Permission } from "./permissions";
import { requireActor } from "./session";

/**
 * For pages: the actor if it holds `permission`, else the 403 page. Pages call this themselves (layouts do not
 * re-run on client navigation, so a layout check alone protects nothing).
 */
export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor.role, permission)) redirect("/forbidden");
  return actor;
}
