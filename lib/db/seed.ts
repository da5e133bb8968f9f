import "server-only";
import type { Role } from "@/lib/auth/permissions";
import { db } from "./client";
import { slugify } from "./tenants";
import { createUserWithPassword } from "./users";

export type SeedUser = { email: string; name: string; role: Role; tenant?: string };

/**
 * Idempotent demo/test seed: tenants by name and users by email are created only when missing, so running it
 * twice creates nothing twice. Returns the tenants' ids by name.
 */
export async function seedUsers(
  tenants: readonly string[],
  users: readonly SeedUser[],
  passwordHash: string,
) {
  const ids = new Map<string, string>();
  for (const name of tenants) {
    const t = await db.tenant.upsert({ where: { name }, update: {}, create: { name, slug: slugify(name) } });
    ids.set(name, t.id);
  }
  for (const u of users) {
    if (await db.user.findUnique({ where: { email: u.email }, select: { id: true } })) continue;
    await db.$transaction((tx) =>
      createUserWithPassword(tx, {
        email: u.email,
        name: u.name,
        role: u.role,
        tenantId: u.tenant ? (ids.get(u.tenant) ?? null) : null,
        passwordHash,
      }),
    );
  }
  return ids;
}
