import { randomUUID } from "node:crypto";
import type { Actor, PartnerActor, StaffActor } from "@/lib/auth/actor";
import { isTenantRole, type Role, type TenantRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { slugify } from "@/lib/db/tenants";

/** Unique suffix so tests never collide on names, even when files share a database. */
export const uid = () => randomUUID().slice(0, 8);

export async function makeTenant(name = `Tenant ${uid()}`) {
  return db.tenant.create({ data: { name, slug: slugify(name) } });
}

export async function makeActor(role: Exclude<Role, TenantRole>): Promise<StaffActor>;
export async function makeActor(role: TenantRole, tenantId?: string): Promise<PartnerActor>;
export async function makeActor(role: Role, tenantId?: string): Promise<Actor> {
  const email = `${role}-${uid()}@test.example`;
  if (isTenantRole(role)) {
    const tenant = tenantId
      ? await db.tenant.findUniqueOrThrow({ where: { id: tenantId } })
      : await makeTenant();
    const u = await db.user.create({ data: { email, name: email, role, tenantId: tenant.id } });
    return {
      kind: "partner",
      id: u.id,
      email,
      name: email,
      role,
      tenantId: tenant.id,
      tenantName: tenant.name,
    };
  }
  const u = await db.user.create({ data: { email, name: email, role } });
  return { kind: "staff", id: u.id, email, name: email, role, tenantId: null };
}

/** A live session row for `userId`, as better-auth would write at sign-in. */
export async function makeSession(userId: string) {
  return db.session.create({
    data: { userId, token: randomUUID(), expiresAt: new Date(Date.now() + 3_600_000) },
  });
}
