"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { createInvitation } from "@/lib/db/invitations";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/send";
import { inviteUserSchema } from "@/lib/schemas/users";
import { invitationMail } from "@/lib/users/invitation-mail";

export const inviteUserAction = defineAction({
  name: "user.invite",
  permission: "users.invite",
  input: inviteUserSchema,
  handler: async ({ actor, input }) => {
    const { invitation, tenantName, token } = await createInvitation(actor, input);
    const link = `${env.APP_URL}/invite/${token}`;
    const { delivered } = await sendMail({
      to: invitation.email,
      invitationId: invitation.id,
      ...invitationMail({ inviterName: actor.name, role: input.role, tenantName, link }),
    });
    revalidatePath("/ops/users");
    return { invitationId: invitation.id, delivered };
  },
  audit: {
    action: "user.invite",
    targetType: "invitation",
    targetId: (_i, o) => o?.invitationId,
    summary: (i) => ({ email: i.email, role: i.role, tenantId: i.tenantId }),
  },
});
