import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { allowList } from "./security/webhook-target";

/**
 * The only reader of process.env. Every variable is validated once; a bad or missing value stops start-up with
 * one message that names each problem. With no variables at all the console runs in local mode against the
 * Local Gateway and an SQLite file under .data/.
 */
const bool = z
  .enum(["true", "false", "1", "0", "on", "off"])
  .transform((v) => v === "true" || v === "1" || v === "on");
const optionalUrl = z.url().optional();

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    TOLLGATE_MODE: z.enum(["local", "aws"]).default("local"),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgres:// (PostgreSQL)")
      .default("file:./.data/tollgate.db"),
    APP_URL: z.url().default("http://127.0.0.1:3000"),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    AWS_REGION: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "must be a region name such as us-east-1")
      .default("us-east-1"),
    AWS_ENDPOINT_URL: optionalUrl,
    // AWS's own variable: attempts per SDK call (1 = no retries; tests that assert throttling use it).
    AWS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
      .optional(),
    MAIL_FROM: z.string().min(3).default("Tollgate <no-reply@tollgate.local>"),
    OIDC_ISSUER: optionalUrl,
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_DISPLAY_NAME: z.string().min(1).default("Single sign-on"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).max(10_000).default(50),
    LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).max(10_000).default(30),
    // Proxies in front of the console that append to X-Forwarded-For; 0 = use the socket's address only.
    TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
    // Webhook targets in private, loopback or link-local ranges are refused unless listed here (CIDRs).
    WEBHOOK_ALLOWED_NETWORKS: z.string().optional(),
    SECURE_COOKIES: bool.optional(),
    JOBS_ENABLED: bool.default(true),
    DATA_DIR: z.string().min(1).default(".data"),
    PARTNER_KEY_LIMIT: z.coerce.number().int().min(1).max(1000).default(10),
    TEST_HOOKS: bool.default(false),
    // Inventory (lib/inventory): the account its rows are keyed by, and whether pages read it (off = live AWS reads).
    AWS_ACCOUNT_ID: z
      .string()
      .regex(/^\d{12}$/, "must be the 12-digit AWS account id")
      .optional(),
    INVENTORY_READS: z.enum(["on", "off"]).default("on"),
    // Developer portal "Try it": how long Tollgate waits for the stage's answer before giving up (ms).
    TRY_IT_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(10_000),
    // The sync's own pace (calls a second) until the shared control-plane budget paces every call.
    INVENTORY_SYNC_RPS: z.coerce.number().positive().max(100).default(2),
    // Tollgate's share of the account's API Gateway control-plane limit (AWS: ~10 requests/s, burst 40), per
    // replica; the burst defaults to one second's worth (lib/aws/budget.ts).
    AWS_CONTROL_PLANE_RPS: z.coerce.number().min(0.1).max(100).default(2),
    AWS_CONTROL_PLANE_BURST: z.coerce.number().int().min(1).max(100).optional(),
    AWS_CLOUDWATCH_RPS: z.coerce.number().min(0.1).max(500).default(5),
  })
  .superRefine((env, ctx) => {
    try {
      allowList(env.WEBHOOK_ALLOWED_NETWORKS);
    } catch (e) {
      ctx.addIssue({ code: "custom", path: ["WEBHOOK_ALLOWED_NETWORKS"], message: (e as Error).message });
    }
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
        if (!env[key])
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: "is required when any OIDC_* variable is set",
          });
      }
    }
    if (env.TOLLGATE_MODE === "aws" && env.TEST_HOOKS) {
      ctx.addIssue({
        code: "custom",
        path: ["TEST_HOOKS"],
        message: "is for tests against the Local Gateway only and is refused in aws mode",
      });
    }
    if (env.TOLLGATE_MODE === "aws" && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "is required in aws mode (a random string of 32+ characters)",
      });
    }
  });

export type Env = z.infer<typeof schema> & {
  authSecret: string;
  databaseKind: "sqlite" | "postgresql";
  awsEndpoint: string | undefined;
  secureCookies: boolean;
  oidcEnabled: boolean;
  controlPlaneBurst: number;
};

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses an environment (process.env by default). Exported for tests; the app uses `env` below. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "unset": shells and .env files often export VAR= for "no value".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new EnvError(`Invalid configuration; fix these environment variables:\n${lines.join("\n")}`);
  }
  const e = result.data;
  return {
    ...e,
    authSecret: e.AUTH_SECRET ?? localSecret(e.DATA_DIR),
    databaseKind: e.DATABASE_URL.startsWith("file:") ? "sqlite" : "postgresql",
    awsEndpoint: e.AWS_ENDPOINT_URL ?? (e.TOLLGATE_MODE === "local" ? "http://127.0.0.1:4566" : undefined),
    // Browsers accept Secure cookies over https and on loopback (a "potentially trustworthy" origin), so the
    // session cookie is Secure by default everywhere it can be; plain http on another host would drop it.
    secureCookies:
      e.SECURE_COOKIES ??
      (e.APP_URL.startsWith("https:") ||
        /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/.test(e.APP_URL)),
    oidcEnabled: Boolean(e.OIDC_ISSUER),
    controlPlaneBurst: e.AWS_CONTROL_PLANE_BURST ?? Math.max(1, Math.ceil(e.AWS_CONTROL_PLANE_RPS)),
  };
}

// Local mode needs no configuration, yet sessions must be signed with a secret nobody else knows:
// make one on first start and keep it beside the database.
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export const env: Env = parseEnv(process.env);
