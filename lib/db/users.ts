import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { isRole, isTenantRole, type Role } from "@/lib/auth/permissions";
import { conflict, invalid, notFound } from "@/lib/errors";
import { db, type Prisma, type Tx } from "./client";
import { endSessionsOps } from "./session-ends";

export type UserDto = {
  id: string;
  email: string;
  name: string;
  role: Role;
  tenantId: string | null;
  tenantName: string | null;
  disabled: boolean;
  createdAt: string;
};

type UserRow = Prisma.UserGetPayload<{ include: { tenant: { select: { name: true } } } }>;
const toDto = (u: UserRow): UserDto => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: isRole(u.role) ? u.role : "partner",
  tenantId: u.tenantId,
  tenantName: u.tenant?.name ?? null,
  disabled: u.disabledAt !== null,
  createdAt: u.createdAt.toISOString(),
});

export async function listUsers(actor: Actor, f: { q?: string; role?: Role } = {}): Promise<UserDto[]> {
  assertCan(actor, "users.read");
  const where: Prisma.UserWhereInput = {};
  if (f.role) where.role = f.role;
  if (f.q) where.OR = [{ email: { contains: f.q.toLowerCase() } }, { name: { contains: f.q } }];
  const rows = await db.user.findMany({
    where,
    orderBy: { email: "asc" },
    include: { tenant: { select: { name: true } } },
  });
  return rows.map(toDto);
}

/**
 * Disabling deletes the user's sessions, and lib/auth/session.ts refuses a disabled user on every request,
 * so an open session stops working on the next request.
 */
export async function setUserDisabled(actor: Actor, id: string, disabled: boolean): Promise<UserDto> {
  assertCan(actor, "users.manage");
  if (id === actor.id) throw invalid("You cannot disable your own account.");
  const found = await db.user.findUnique({ where: { id }, select: { id: true } });
  if (!found) throw notFound("User");
  const [u] = await db.$transaction([
    db.user.update({
      where: { id },
      data: { disabledAt: disabled ? new Date() : null },
      include: { tenant: { select: { name: true } } },
    }),
    ...(disabled ? await endSessionsOps({ userId: id }, "disabled") : []),
  ]);
  return toDto(u as Prisma.UserGetPayload<{ include: { tenant: { select: { name: true } } } }>);
}

/**
 * Changes a user's role (and, for partners, tenant). Their open sessions end, so the next request signs them in
 * again under the new role's pages; getActor re-reads the role on every request anyway. Admins cannot change their
 * own role (so an admin always remains), and a partner's tenant must be active.
 */
export async function changeUserRole(
  actor: Actor,
  input: { userId: string; role: Role; tenantId: string | null },
): Promise<UserDto & { previousRole: Role; previousTenantId: string | null }> {
  assertCan(actor, "users.manage");
  if (input.userId === actor.id) throw invalid("You cannot change your own role.");
  if (isTenantRole(input.role) !== (input.tenantId !== null))
    throw invalid(
      isTenantRole(input.role) ? "Choose the partner's tenant." : "Only partners belong to a tenant.",
      "tenantId",
    );
  const found = await db.user.findUnique({ where: { id: input.userId } });
  if (!found) throw notFound("User");
  if (input.tenantId) {
    const t = await db.tenant.findUnique({ where: { id: input.tenantId }, select: { status: true } });
    if (!t) throw invalid("That tenant does not exist.", "tenantId");
    if (t.status !== "ACTIVE") throw invalid("That tenant is suspended; reinstate it first.", "tenantId");
  }
  if (found.role === input.role && found.tenantId === input.tenantId)
    throw invalid("The user already has this role.", "role");
  const [u] = await db.$transaction([
    db.user.update({
      where: { id: input.userId },
      data: { role: input.role, tenantId: input.tenantId },
      include: { tenant: { select: { name: true } } },
    }),
    db.session.deleteMany({ where: { userId: input.userId } }),
  ]);
  return {
    ...toDto(u),
    previousRole: isRole(found.role) ? found.role : "partner",
    previousTenantId: found.tenantId,
  };
}

/** The user a password-reset link is for (admins issue them); not found is a 404 like any other user. */
export async function userForPasswordReset(actor: Actor, id: string): Promise<UserDto> {
  assertCan(actor, "users.manage");
  const u = await db.user.findUnique({ where: { id }, include: { tenant: { select: { name: true } } } });
  if (!u) throw notFound("User");
  return toDto(u);
}

export type NewUser = {
  email: string;
  name: string;
  role: Role;
  tenantId: string | null;
  passwordHash: string;
};

/**
 * Creates a user with an email+password credential in the caller's transaction (invitation acceptance, seed).
 * The account row mirrors what better-auth writes for email sign-up, so better-auth can verify the password.
 */
export async function createUserWithPassword(tx: Tx, u: NewUser) {
  if (isTenantRole(u.role) !== (u.tenantId !== null))
    throw invalid("A partner user (owner or member) belongs to exactly one tenant; other roles to none.");
  const existing = await tx.user.findUnique({ where: { email: u.email }, select: { id: true } });
  if (existing) throw conflict("A user with this email already exists.", "email");
  const user = await tx.user.create({
    data: { email: u.email, name: u.name, role: u.role, tenantId: u.tenantId, emailVerified: true },
  });
  await tx.account.create({
    data: { userId: user.id, accountId: user.id, providerId: "credential", password: u.passwordHash },
  });
  return user;
}

/** The session's view of a user: role, tenant and whether either is switched off. Used by lib/auth only. */
export async function getSessionUser(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      tenantId: true,
      disabledAt: true,
      tenant: { select: { name: true, status: true } },
    },
  });
}

/** Used at sign-in (before a session exists) to refuse disabled users and partners of suspended tenants. */
export async function getSignInBlock(userId: string): Promise<string | null> {
  const u = await getSessionUser(userId);
  if (!u) return "Unknown user.";
  if (u.disabledAt) return "This account has been disabled. Ask an administrator to re-enable it.";
  if (isTenantRole(u.role) && u.tenant?.status !== "ACTIVE")
    return "Your organisation's access is suspended. Contact your account manager.";
  return null;
}
