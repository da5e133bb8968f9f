import "server-only";
import pino from "pino";
import { env } from "@/lib/env";

/**
 * Structured server log. Redaction is a second line of defence: key values, passwords and tokens must never be
 * passed to the logger in the first place.
 */
export const log = pino({
  level: env.LOG_LEVEL,
  base: { app: "tollgate" },
  redact: {
    paths: ["*.password", "*.value", "*.token", "*.secret", "password", "value", "token"],
    censor: "[redacted]",
  },
});
