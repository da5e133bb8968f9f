import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { isTenantRole, type Role } from "@/lib/auth/permissions";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { db } from "./client";
import { dropInvitationLinks } from "./outbox";
import { createUserWithPassword } from "./users";

export const INVITATION_TTL_MS = 24 * 60 * 60 * 1000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type InvitationDto = {
  id: string;
  email: string;
  role: Role;
  tenantName: string | null;
  status: "pending" | "accepted" | "expired" | "revoked";
  expiresAt: string;
  createdAt: string;
};

function statusOf(i: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()) {
  if (i.acceptedAt) return "accepted" as const;
  if (i.revokedAt) return "revoked" as const;
  if (i.expiresAt <= now) return "expired" as const;
  return "pending" as const;
}

/**
 * Creates a single-use invitation and returns the raw token once (for the link). Only its hash is stored.
 * A newer invitation to the same address revokes the older pending ones. Who may call: admins (`users.invite`).
 */
export async function createInvitation(
  actor: Actor,
  input: { email: string; role: Role; tenantId: string | null },
) {
  assertCan(actor, "users.invite");
  if (isTenantRole(input.role) !== (input.tenantId !== null)) {
    throw invalid(
      isTenantRole(input.role) ? "Choose the partner's tenant." : "Only partners belong to a tenant.",
      "tenantId",
    );
  }
  return insertInvitation(actor.id, input);
}

/**
 * A tenant owner invites a colleague into their own tenant (from the session, never from input), as owner or
 * member; any other role is refused. Same single-use, hashed-token invitation as the admins'. Who may call: owners
 * (`team.manage`).
 */
export async function createTeamInvitation(actor: Actor, input: { email: string; role: string }) {
  assertCan(actor, "team.manage");
  if (actor.kind !== "partner") throw forbidden();
  if (!isTenantRole(input.role)) throw invalid("Choose owner or member.", "role");
  const out = await insertInvitation(actor.id, {
    email: input.email,
    role: input.role,
    tenantId: actor.tenantId,
  });
  return { ...out, tenantName: actor.tenantName };
}

/** An owner withdraws a pending invitation into their own tenant; another tenant's looks like none at all. */
export async function revokeTeamInvitation(actor: Actor, id: string) {
  assertCan(actor, "team.manage");
  if (actor.kind !== "partner") throw forbidden();
  await db.$transaction(async (tx) => {
    const r = await tx.invitation.updateMany({
      where: { id, tenantId: actor.tenantId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date(), activeKey: null },
    });
    if (r.count === 0) throw notFound("Pending invitation");
    await dropInvitationLinks(tx, [id], "revoked");
  });
}

async function insertInvitation(
  invitedById: string,
  input: { email: string; role: Role; tenantId: string | null },
) {
  if (await db.user.count({ where: { email: input.email } }))
    throw conflict("A user with this email already exists.", "email");
  let tenantName: string | null = null;
  if (input.tenantId) {
    const t = await db.tenant.findUnique({
      where: { id: input.tenantId },
      select: { status: true, name: true },
    });
    if (!t) throw invalid("That tenant does not exist.", "tenantId");
    if (t.status !== "ACTIVE")
      throw invalid("That tenant is suspended; reinstate it before inviting its partners.", "tenantId");
    tenantName = t.name;
  }
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  // activeKey (unique) makes "revoke the older ones, then add this one" safe under parallel invitations of one
  // address: the second insert fails instead of leaving two pending links.
  const invitation = await db
    .$transaction(async (tx) => {
      const older = await tx.invitation.findMany({
        where: { email: input.email, acceptedAt: null, revokedAt: null },
        select: { id: true },
      });
      await tx.invitation.updateMany({
        where: { id: { in: older.map((o) => o.id) } },
        data: { revokedAt: now, activeKey: null },
      });
      await dropInvitationLinks(
        tx,
        older.map((o) => o.id),
        "revoked",
      );
      return tx.invitation.create({
        data: {
          email: input.email,
          role: input.role,
          tenantId: input.tenantId,
          tokenHash: hashToken(token),
          activeKey: input.email,
          expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
          invitedById,
        },
      });
    })
    .catch((e: unknown) => {
      if ((e as { code?: unknown }).code === "P2002")
        throw conflict("Another invitation to this address was sent at the same moment.", "email");
      throw e;
    });
  return {
    invitation: { id: invitation.id, email: invitation.email, expiresAt: invitation.expiresAt },
    tenantName,
    token,
  };
}

/**
 * Resend: a new invitation with the same address, role and tenant and a new token, replacing the old one (its link
 * stops working, and its outbox copy loses the link). Allowed while the invitation is pending, expired or revoked —
 * not once it was accepted. Returns the new token once, like createInvitation.
 */
export async function reissueInvitation(actor: Actor, id: string) {
  assertCan(actor, "users.invite");
  const old = await db.invitation.findUnique({ where: { id } });
  if (!old) throw notFound("Invitation");
  if (old.acceptedAt) throw invalid("This invitation was accepted; the user exists and signs in instead.");
  const role = old.role as Role;
  return { ...(await createInvitation(actor, { email: old.email, role, tenantId: old.tenantId })), role };
}

export async function listInvitations(actor: Actor): Promise<InvitationDto[]> {
  assertCan(actor, "users.read");
  const rows = await db.invitation.findMany({
    orderBy: { createdAt: "desc" },
    take: 200,
    include: { tenant: { select: { name: true } } },
  });
  return rows.map((i) => ({
    id: i.id,
    email: i.email,
    role: i.role as Role,
    tenantName: i.tenant?.name ?? null,
    status: statusOf(i),
    expiresAt: i.expiresAt.toISOString(),
    createdAt: i.createdAt.toISOString(),
  }));
}

export async function revokeInvitation(actor: Actor, id: string) {
  assertCan(actor, "users.invite");
  await db.$transaction(async (tx) => {
    const r = await tx.invitation.updateMany({
      where: { id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date(), activeKey: null },
    });
    if (r.count === 0) throw notFound("Pending invitation");
    await dropInvitationLinks(tx, [id], "revoked");
  });
}

export type InvitationCheck =
  | { ok: true; id: string; email: string; role: Role; tenantName: string | null }
  | { ok: false; reason: string };

const REASONS = {
  unknown:
    "This invitation link is not valid. Check that you copied the whole link, or ask for a new invitation.",
  accepted: "This invitation has already been used. Sign in instead, or ask for a new invitation.",
  revoked: "This invitation was withdrawn. Ask an administrator for a new one.",
  expired: "This invitation has expired (links are valid for 24 hours). Ask an administrator for a new one.",
} as const;

/** Public: anyone holding a link may ask whether it is still valid. */
export async function checkInvitation(token: string): Promise<InvitationCheck> {
  const i = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { tenant: { select: { name: true } } },
  });
  if (!i) return { ok: false, reason: REASONS.unknown };
  const status = statusOf(i);
  if (status !== "pending") return { ok: false, reason: REASONS[status] };
  return { ok: true, id: i.id, email: i.email, role: i.role as Role, tenantName: i.tenant?.name ?? null };
}

/**
 * Accepts an invitation: consumes it (single use, even under concurrent submits) and creates the user in one
 * transaction, so a failure leaves neither a used invitation without a user nor a user without its invitation.
 */
export async function acceptInvitation(token: string, input: { name: string; passwordHash: string }) {
  const check = await checkInvitation(token);
  if (!check.ok) throw invalid(check.reason);
  return db.$transaction(async (tx) => {
    const consumed = await tx.invitation.updateMany({
      where: {
        tokenHash: hashToken(token),
        acceptedAt: null,
        revokedAt: null,
        expiresAt: { gt: new Date() },
      },
      data: { acceptedAt: new Date(), activeKey: null },
    });
    if (consumed.count !== 1) throw invalid(REASONS.accepted);
    const inv = await tx.invitation.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    await dropInvitationLinks(tx, [inv.id], "accepted");
    return createUserWithPassword(tx, {
      email: inv.email,
      name: input.name,
      role: inv.role as Role,
      tenantId: inv.tenantId,
      passwordHash: input.passwordHash,
    });
  });
}
