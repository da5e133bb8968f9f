import type { Role } from "@/lib/auth/permissions";

const ROLE_WORDS: Record<Role, string> = {
  admin: "an administrator",
  operator: "an operator",
  finance: "a finance user",
  partner: "a partner",
  member: "a team member",
};

/**
 * The invitation mail: who invited whom, as what, for which organisation (a partner's tenant), and the link. Used by
 * the first invitation and by every resend, so the two always read the same.
 */
export function invitationMail(m: {
  inviterName: string;
  role: Role;
  tenantName: string | null;
  link: string;
  resent?: boolean;
}): { subject: string; text: string } {
  const forTenant = m.tenantName ? ` of ${m.tenantName}` : "";
  const subject = m.tenantName
    ? `You are invited to ${m.tenantName}'s Tollgate portal`
    : "You are invited to Tollgate";
  const text =
    `${m.inviterName} invited you to Tollgate as ${ROLE_WORDS[m.role]}${forTenant}.\n\n` +
    (m.resent ? "This replaces any earlier invitation link, which no longer works.\n\n" : "") +
    `Set your password here (the link works once and expires in 24 hours):\n${m.link}\n`;
  return { subject, text };
}
