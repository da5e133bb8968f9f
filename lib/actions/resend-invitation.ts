"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { reissueInvitation } from "@/lib/db/invitations";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/send";
import { invitationIdSchema } from "@/lib/schemas/users";
import { invitationMail } from "@/lib/users/invitation-mail";

/**
 * Resend an invitation: a new token (the old link stops working), mailed again (or placed in the outbox), and the
 * new link returned once so the admin can copy it and pass it on another way. The link is never stored or logged
 * here; the audit entry names the invitation only.
 */
export const resendInvitationAction = defineAction({
  name: "invitation.resend",
  permission: "users.invite",
  input: invitationIdSchema,
  handler: async ({ actor, input }) => {
    const { invitation, tenantName, token, role } = await reissueInvitation(actor, input.invitationId);
    const link = `${env.APP_URL}/invite/${token}`;
    const { delivered } = await sendMail({
      to: invitation.email,
      invitationId: invitation.id,
      ...invitationMail({ inviterName: actor.name, role, tenantName, link, resent: true }),
    });
    revalidatePath("/ops/users");
    revalidatePath("/ops/outbox");
    return { invitationId: invitation.id, email: invitation.email, link, delivered };
  },
  audit: {
    action: "invitation.resend",
    targetType: "invitation",
    targetId: (i) => i.invitationId,
    summary: (_i, o) => (o ? { newInvitationId: o.invitationId, delivered: o.delivered } : {}),
  },
});
