"use server";
import { definePublicAction } from "@/lib/auth/define-action";
import { requestPasswordResetMail } from "@/lib/auth/password-reset";
import { env } from "@/lib/env";
import { invalid } from "@/lib/errors";
import { forgotPasswordSchema } from "@/lib/schemas/users";

/**
 * Public ("forgot password" on the sign-in page): mails a reset link when SMTP is set. The answer is the same
 * whether or not the address belongs to an account (better-auth's flow does the same work either way), so it
 * reveals nothing. Without SMTP there is no mail to send: the page tells people to ask an admin instead.
 */
export const requestPasswordResetAction = definePublicAction({
  name: "password.request-reset",
  input: forgotPasswordSchema,
  handler: async ({ input }) => {
    if (!env.SMTP_URL)
      throw invalid("Tollgate cannot send mail here. Ask an administrator for a password-reset link.");
    await requestPasswordResetMail(input.email);
    return { email: input.email };
  },
});
