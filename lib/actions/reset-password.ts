"use server";
import { definePublicAction } from "@/lib/auth/define-action";
import { resetPasswordWithToken } from "@/lib/auth/password-reset";
import { resetPasswordSchema } from "@/lib/schemas/users";

/** Public: whoever holds a valid reset link sets a new password once; every open session of that user ends. */
export const resetPasswordAction = definePublicAction({
  name: "password.reset",
  input: resetPasswordSchema,
  handler: async ({ input }) => {
    await resetPasswordWithToken(input.token, input.password);
    return { reset: true as const };
  },
});
