"use server";
import { definePublicAction } from "@/lib/auth/define-action";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/db/audit";
import { acceptInvitation } from "@/lib/db/invitations";
import { acceptInvitationSchema } from "@/lib/schemas/users";

/** Public: whoever holds a valid invitation link sets a name and password once; then they sign in. */
export const acceptInvitationAction = definePublicAction({
  name: "invitation.accept",
  input: acceptInvitationSchema,
  handler: async ({ input, requestId }) => {
    const user = await acceptInvitation(input.token, {
      name: input.name,
      passwordHash: await hashPassword(input.password),
    });
    await recordAudit({
      actor: null,
      anonymousEmail: user.email,
      action: "invitation.accept",
      targetType: "user",
      targetId: user.id,
      outcome: "success",
      requestId,
    });
    return { email: user.email };
  },
});
