import { forbidden } from "@/lib/errors";
import type { Actor } from "./actor";
import { can, type Permission } from "./permissions";

/** Defence in depth: data-access functions re-check the permission their callers already declared. */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw forbidden();
}
