import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { forbidden, invalid, notFound } from "@/lib/errors";
import { db } from "./client";

export type TeammateDto = {
  id: string;
  name: string;
  email: string;
  role: "partner" | "member";
  disabled: boolean;
  you: boolean;
  createdAt: string;
};
export type TeamInvitationDto = {
  id: string;
  email: string;
  role: "partner" | "member";
  expiresAt: string;
};
export type TeamDto = { teammates: TeammateDto[]; invitations: TeamInvitationDto[] };

const tenantRole = (r: string): "partner" | "member" => (r === "member" ? "member" : "partner");

/** The partner's own tenant's users and pending invitations; the tenant comes from the session only. */
export async function loadTeam(actor: Actor): Promise<TeamDto> {
  assertCan(actor, "partner.view");
  if (actor.kind !== "partner") throw forbidden();
  const at = new Date();
  const [users, invitations] = await Promise.all([
    db.user.findMany({ where: { tenantId: actor.tenantId }, orderBy: [{ role: "desc" }, { email: "asc" }] }),
    db.invitation.findMany({
      where: { tenantId: actor.tenantId, acceptedAt: null, revokedAt: null, expiresAt: { gt: at } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  return {
    teammates: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: tenantRole(u.role),
      disabled: u.disabledAt !== null,
      you: u.id === actor.id,
      createdAt: u.createdAt.toISOString(),
    })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: tenantRole(i.role),
      expiresAt: i.expiresAt.toISOString(),
    })),
  };
}

/**
 * An owner removes a colleague of their own tenant: the user, its sessions and sign-in credentials are deleted
 * (so the address can be invited again), invitations it sent are kept under the remover's name, its alert
 * switches go. A user of another tenant (or a staff user) looks exactly like one that does not exist.
 */
export async function removeTeammate(actor: Actor, userId: string): Promise<{ email: string }> {
  assertCan(actor, "team.manage");
  if (actor.kind !== "partner") throw forbidden();
  if (userId === actor.id)
    throw invalid("You cannot remove yourself. Ask another owner of your organisation to do it.");
  return db.$transaction(async (tx) => {
    const u = await tx.user.findFirst({
      where: { id: userId, tenantId: actor.tenantId, role: { in: ["partner", "member"] } },
      select: { id: true, email: true },
    });
    if (!u) throw notFound("Teammate");
    await tx.invitation.updateMany({ where: { invitedById: u.id }, data: { invitedById: actor.id } });
    await tx.alertOptIn.deleteMany({ where: { userId: u.id } });
    await tx.user.delete({ where: { id: u.id } }); // sessions and accounts cascade
    return { email: u.email };
  });
}
