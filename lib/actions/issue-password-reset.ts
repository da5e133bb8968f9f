"use server";
import { defineAction } from "@/lib/auth/define-action";
import { issuePasswordResetLink } from "@/lib/auth/password-reset";
import { userForPasswordReset } from "@/lib/db/users";
import { userIdSchema } from "@/lib/schemas/users";

/**
 * An admin issues a single-use password-reset link for a user (24 h) and passes it on themselves; it is shown once
 * and never stored in clear or logged (the audit entry names the user, not the link). A new link ends older ones.
 */
export const issuePasswordResetAction = defineAction({
  name: "user.issue-password-reset",
  permission: "users.manage",
  input: userIdSchema,
  handler: async ({ actor, input }) => {
    const user = await userForPasswordReset(actor, input.userId);
    const { link, expiresAt } = await issuePasswordResetLink(user.id);
    return { email: user.email, link, expiresAt: expiresAt.toISOString() };
  },
  audit: {
    action: "user.issue-password-reset",
    targetType: "user",
    targetId: (i) => i.userId,
    summary: (_i, o) => (o ? { expiresAt: o.expiresAt } : {}),
  },
});
