import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { createTeamInvitation, revokeTeamInvitation } from "@/lib/db/invitations";
import { removeTeammate as removeTeammateRow } from "@/lib/db/team";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/send";

const ROLE_WORDS = { partner: "an owner", member: "a member" } as const;

/**
 * An owner invites a colleague into their own tenant (from the session) as owner or member: the admins' invitation
 * flow (single-use 24 h link, only its hash stored). The link is mailed; without SMTP (local mode) it is returned
 * once for the owner to pass on, and never stored or logged. Who may call: tenant owners (`team.manage`).
 */
export async function inviteTeammate(actor: Actor, input: { email: string; role: "partner" | "member" }) {
  const { invitation, token, tenantName } = await createTeamInvitation(actor, input);
  const link = `${env.APP_URL}/invite/${token}`;
  const { delivered } = await sendMail({
    to: invitation.email,
    invitationId: invitation.id,
    subject: `${actor.name} invited you to ${tenantName} on Tollgate`,
    text: `${actor.name} invited you to join ${tenantName} on Tollgate as ${ROLE_WORDS[input.role]} (${input.role === "partner" ? "API keys, usage, invoices, plan and team" : "see and create API keys and see usage; no deleting keys, no inviting"}).\n\nSet your password here (the link works once and expires in 24 hours):\n${link}\n`,
  });
  return { invitationId: invitation.id, delivered, link: delivered ? null : link };
}

/** An owner removes a colleague of their own tenant; see lib/db/team.ts. Who may call: owners (`team.manage`). */
export async function removeTeammate(actor: Actor, userId: string): Promise<{ email: string }> {
  return removeTeammateRow(actor, userId);
}

/** An owner withdraws a pending invitation of their own tenant. Who may call: owners (`team.manage`). */
export async function revokeTeammateInvitation(actor: Actor, invitationId: string): Promise<void> {
  await revokeTeamInvitation(actor, invitationId);
}
