"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { revokeInvitation } from "@/lib/db/invitations";
import { invitationIdSchema } from "@/lib/schemas/users";

export const revokeInvitationAction = defineAction({
  name: "invitation.revoke",
  permission: "users.invite",
  input: invitationIdSchema,
  handler: async ({ actor, input }) => {
    await revokeInvitation(actor, input.invitationId);
    revalidatePath("/ops/users");
    return { invitationId: input.invitationId };
  },
  audit: { action: "invitation.revoke", targetType: "invitation", targetId: (i) => i.invitationId },
});
