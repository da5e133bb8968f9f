"use server";
import { definePublicAction } from "@/lib/auth/define-action";
import { resetThrottleMessage, takeResetRequest } from "@/lib/auth/login-throttle";
import { requestPasswordResetMail } from "@/lib/auth/password-reset";
import { env } from "@/lib/env";
import { invalid, throttled } from "@/lib/errors";
import { requestClientAddress } from "@/lib/security/request-address";
import { forgotPasswordSchema } from "@/lib/schemas/users";

/**
 * Public ("forgot password" on the sign-in page): mails a reset link when SMTP is set. The answer is the same
 * whether or not the address belongs to an account (better-auth's flow does the same work either way), so it
 * reveals nothing. Without SMTP there is no mail to send: the page tells people to ask an admin instead.
 * Requests are throttled per address asked for and per client address (lib/auth/login-throttle.ts).
 */
export const requestPasswordResetAction = definePublicAction({
  name: "password.request-reset",
  input: forgotPasswordSchema,
  handler: async ({ input }) => {
    if (!env.SMTP_URL)
      throw invalid("Tollgate cannot send mail here. Ask an administrator for a password-reset link.");
    const wait = await takeResetRequest(input.email, await requestClientAddress());
    if (wait > 0) throw throttled(resetThrottleMessage(wait), wait);
    await requestPasswordResetMail(input.email);
    return { email: input.email };
  },
});
