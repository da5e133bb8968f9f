"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { teamInvitationIdSchema } from "@/lib/schemas/team";
import { revokeTeammateInvitation } from "@/lib/team/commands";

/** A tenant owner withdraws a pending invitation into their own tenant; its link stops working. */
export const revokeTeammateInvitationAction = defineAction({
  name: "team.revoke-invitation",
  permission: "team.manage",
  input: teamInvitationIdSchema,
  handler: async ({ actor, input }) => {
    await revokeTeammateInvitation(actor, input.invitationId);
    revalidatePath("/partner/team");
    return { invitationId: input.invitationId };
  },
  audit: { action: "team.revoke-invitation", targetType: "invitation", targetId: (i) => i.invitationId },
});
