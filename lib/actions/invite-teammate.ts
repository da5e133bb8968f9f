"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { inviteTeammateSchema } from "@/lib/schemas/team";
import { inviteTeammate } from "@/lib/team/commands";

/** A tenant owner invites a colleague into their own tenant, as owner or member. */
export const inviteTeammateAction = defineAction({
  name: "team.invite",
  permission: "team.manage",
  input: inviteTeammateSchema,
  handler: async ({ actor, input }) => {
    const out = await inviteTeammate(actor, input);
    revalidatePath("/partner/team");
    return out;
  },
  audit: {
    action: "team.invite",
    targetType: "invitation",
    targetId: (_i, o) => o?.invitationId,
    // Never the link: it carries the single-use token.
    summary: (i, o) => ({ email: i.email, role: i.role, ...(o ? { delivered: o.delivered } : {}) }),
  },
});
