import "server-only";
import { randomBytes } from "node:crypto";
import { APIError } from "better-auth/api";
import { env } from "@/lib/env";
import { invalid } from "@/lib/errors";
import { auth } from "./auth";

/** How long a password-reset link works: self-service (mailed) and admin-issued (handed over by a person). */
export const RESET_LINK_TTL_SECONDS = { mailed: 60 * 60, issued: 24 * 60 * 60 } as const;

/** better-auth's identifier for a reset token (its /reset-password endpoint consumes it, once). */
const identifier = (token: string) => `reset-password:${token}`;

/**
 * A single-use password-reset link for one user, for an admin to hand over (no SMTP, or the user cannot receive
 * mail). It is better-auth's own reset token — the same one its forgot-password flow mails — stored hashed
 * (`verification.storeIdentifier: "hashed"` in lib/auth/auth.ts), so the database never holds a usable link.
 * Issuing a new link for a user makes the older ones stop working.
 */
export async function issuePasswordResetLink(userId: string): Promise<{ link: string; expiresAt: Date }> {
  const ctx = await auth.$context;
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + RESET_LINK_TTL_SECONDS.issued * 1000);
  await revokeResetLinks(userId);
  await ctx.internalAdapter.createVerificationValue({
    identifier: identifier(token),
    value: userId,
    expiresAt,
  });
  return { link: resetPageUrl(token), expiresAt };
}

/** The page a reset link opens (it carries the token to the form; the form posts it to better-auth). */
export function resetPageUrl(token: string): string {
  return `${env.APP_URL}/reset-password?token=${encodeURIComponent(token)}`;
}

/**
 * Ends every open reset link of the user. Reset rows are the only verification rows whose value is a user id (their
 * identifier is a hash, so it cannot be matched by prefix); OIDC state rows hold JSON.
 */
export async function revokeResetLinks(userId: string): Promise<void> {
  const ctx = await auth.$context;
  await ctx.adapter.deleteMany({ model: "verification", where: [{ field: "value", value: userId }] });
}

/** Starts better-auth's forgot-password flow; its sendResetPassword (lib/auth/auth.ts) mails the link. */
export async function requestPasswordResetMail(email: string): Promise<void> {
  await auth.api.requestPasswordReset({ body: { email, redirectTo: `${env.APP_URL}/reset-password` } });
}

const BAD_LINK =
  "This password-reset link is not valid any more: it was used, replaced by a newer one, or has expired. Ask for a new one.";

/** Sets the new password through better-auth (which consumes the token once and ends the user's sessions). */
export async function resetPasswordWithToken(token: string, newPassword: string): Promise<void> {
  try {
    await auth.api.resetPassword({ body: { token, newPassword } });
  } catch (e) {
    if (e instanceof APIError && e.statusCode === 400) throw invalid(BAD_LINK);
    throw e;
  }
}
