"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { teammateIdSchema } from "@/lib/schemas/team";
import { removeTeammate } from "@/lib/team/commands";

/** A tenant owner removes a colleague of their own tenant: the account and its sessions are gone at once. */
export const removeTeammateAction = defineAction({
  name: "team.remove",
  permission: "team.manage",
  input: teammateIdSchema,
  handler: async ({ actor, input }) => {
    const out = await removeTeammate(actor, input.userId);
    revalidatePath("/partner/team");
    return out;
  },
  audit: {
    action: "team.remove",
    targetType: "user",
    targetId: (i) => i.userId,
    summary: (_i, o) => (o ? { email: o.email } : {}),
  },
});
