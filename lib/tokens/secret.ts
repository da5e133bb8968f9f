import { createHash, randomBytes } from "node:crypto";

/**
 * Token values: "tg_" + 32 random bytes (base64url). Only the SHA-256 is stored; the first characters are kept as
 * the token's display prefix. Pure; any caller.
 */
export const TOKEN_PREFIX_LENGTH = 10;

export function newTokenValue(): string {
  return `tg_${randomBytes(32).toString("base64url")}`;
}

export function hashToken(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

/** Looks like one of ours (cheap check before any database read). */
export function isTokenShaped(value: string): boolean {
  return /^tg_[A-Za-z0-9_-]{43}$/.test(value);
}
