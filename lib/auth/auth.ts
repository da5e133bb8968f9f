import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { getSignInBlock } from "@/lib/db/users";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/send";
import { clientAddress } from "@/lib/security/client-address";
import {
  clearLoginFailures,
  recordLoginFailure,
  secondsUntilAllowed,
  throttleKeys,
  throttleMessage,
} from "./login-throttle";

const SIGN_IN_PATHS = new Set(["/sign-in/email"]);

type HookCtx = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];
// Not better-auth's getIP: that trusts any X-Forwarded-For a client sends (a fresh allowance per made-up value).
function clientIp(ctx: HookCtx): string | null {
  const source = ctx.request?.headers ?? ctx.headers;
  return source ? clientAddress(source, env.TRUSTED_PROXIES) : null;
}
const emailOf = (ctx: HookCtx) => String((ctx.body as { email?: unknown } | undefined)?.email ?? "");

/**
 * better-auth owns passwords (scrypt), sessions and the HTTP-only session cookie. Tollgate adds: no public sign-up
 * (users come from invitations), throttled sign-in, refusal of disabled users and suspended tenants at sign-in,
 * and optional OIDC single sign-on for users who already exist.
 */
export const auth = betterAuth({
  appName: "Tollgate",
  baseURL: env.APP_URL,
  secret: env.authSecret,
  trustedOrigins: [env.APP_URL, env.APP_URL.replace("127.0.0.1", "localhost")],
  database: prismaAdapter(db, { provider: env.databaseKind }),
  emailAndPassword: {
    enabled: true,
    disableSignUp: true,
    minPasswordLength: 12,
    maxPasswordLength: 128,
    // "Forgot password" (lib/auth/password-reset.ts): better-auth's own reset flow. The link is mailed only by SMTP;
    // without SMTP nothing is sent (not even to the outbox) and admins issue links instead.
    resetPasswordTokenExpiresIn: 60 * 60,
    revokeSessionsOnPasswordReset: true,
    sendResetPassword: async ({ user, url }) => {
      if (!env.SMTP_URL) return;
      await sendMail({
        to: user.email,
        subject: "Reset your Tollgate password",
        text: `Someone asked to reset the password of your Tollgate account (${user.email}).\n\nSet a new password here (the link works once and expires in an hour):\n${url}\n\nIf it was not you, ignore this mail: your password stays as it is.\n`,
      });
    },
    onPasswordReset: async ({ user }) => {
      await clearLoginFailures(user.email, null);
      await recordAudit({
        actor: null,
        anonymousEmail: user.email,
        action: "user.password-reset",
        targetType: "user",
        targetId: user.id,
        outcome: "success",
        requestId: randomUUID(),
      });
    },
  },
  // Reset tokens are stored hashed: the database never holds a usable reset link (OIDC state stays as it is).
  verification: { storeIdentifier: { default: "plain", overrides: { "reset-password:": "hashed" } } },
  user: {
    additionalFields: {
      role: { type: "string", required: true, input: false },
      tenantId: { type: "string", required: false, input: false },
      disabledAt: { type: "date", required: false, input: false },
    },
  },
  session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60, cookieCache: { enabled: false } },
  account: { accountLinking: { enabled: true, trustedProviders: ["oidc"] } },
  rateLimit: { enabled: false }, // replaced by the per-account and per-address failure throttle below
  advanced: { useSecureCookies: env.secureCookies, cookiePrefix: "tollgate" },
  hooks: {
    before: createAuthMiddleware(async (ctx) => {
      if (!SIGN_IN_PATHS.has(ctx.path)) return;
      const wait = await secondsUntilAllowed(throttleKeys(emailOf(ctx), clientIp(ctx)));
      if (wait > 0)
        throw new APIError("TOO_MANY_REQUESTS", { message: throttleMessage(wait), code: "LOGIN_THROTTLED" });
    }),
    after: createAuthMiddleware(async (ctx) => {
      if (!SIGN_IN_PATHS.has(ctx.path)) return;
      const email = emailOf(ctx);
      const returned = ctx.context.returned;
      if (returned instanceof APIError) {
        if (returned.statusCode === 401) {
          await recordLoginFailure(throttleKeys(email, clientIp(ctx)));
        }
      } else {
        await clearLoginFailures(email, clientIp(ctx));
      }
    }),
  },
  databaseHooks: {
    session: {
      create: {
        before: async (session) => {
          const block = await getSignInBlock(session.userId);
          if (block) throw new APIError("FORBIDDEN", { message: block, code: "ACCOUNT_BLOCKED" });
        },
      },
    },
  },
  plugins: [
    ...(env.oidcEnabled
      ? [
          genericOAuth({
            config: [
              {
                providerId: "oidc",
                discoveryUrl: `${env.OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
                clientId: env.OIDC_CLIENT_ID!,
                clientSecret: env.OIDC_CLIENT_SECRET!,
                scopes: ["openid", "email", "profile"],
                pkce: true,
                // Only people who were invited (and so already have a user) may sign in with SSO.
                disableImplicitSignUp: true,
              },
            ],
          }),
        ]
      : []),
    nextCookies(),
  ],
});
