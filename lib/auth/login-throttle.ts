import "server-only";
import { env } from "@/lib/env";
import { clearFailures, recentFailures, recordFailures } from "@/lib/db/login-failures";

/**
 * Sign-in throttling over a sliding window of LOGIN_WINDOW_SECONDS, on three keys (OWASP's guidance: lock the
 * pair first, the account only much later, so locking someone out is not free):
 * - account + address: LOGIN_MAX_FAILURES (5) — a guesser at one account from one address;
 * - address: LOGIN_ADDRESS_MAX_FAILURES (30) — one address spraying many accounts;
 * - account: LOGIN_ACCOUNT_MAX_FAILURES (50) — many addresses at one account.
 * The address is the socket's, or the one TRUSTED_PROXIES hops report (lib/security/client-address.ts).
 */
export function throttleKeys(email: string, ip: string | null): string[] {
  const e = email.trim().toLowerCase();
  return [`email:${e}`, ...(ip ? [`ip:${ip}`, `pair:${e}|${ip}`] : [])];
}

function limitOf(key: string): number {
  if (key.startsWith("pair:")) return env.LOGIN_MAX_FAILURES;
  if (key.startsWith("ip:")) return env.LOGIN_ADDRESS_MAX_FAILURES;
  return env.LOGIN_ACCOUNT_MAX_FAILURES;
}

/** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
export async function secondsUntilAllowed(keys: string[], now = new Date()): Promise<number> {
  const windowMs = env.LOGIN_WINDOW_SECONDS * 1000;
  const rows = await recentFailures(keys, new Date(now.getTime() - windowMs));
  let wait = 0;
  for (const r of rows) {
    if (r.count >= limitOf(r.key) && r.oldest) {
      wait = Math.max(wait, Math.ceil((r.oldest.getTime() + windowMs - now.getTime()) / 1000));
    }
  }
  return wait;
}

export function throttleMessage(seconds: number): string {
  return `Too many failed sign-in attempts. For your security, sign-in is paused for this account and address; try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
}

export const recordLoginFailure = recordFailures;

/** A successful sign-in clears its own pair and the account's count, not the address's (other accounts). */
export async function clearLoginFailures(email: string, ip: string | null): Promise<void> {
  for (const key of throttleKeys(email, ip)) if (!key.startsWith("ip:")) await clearFailures(key);
}

/**
 * "Forgot password" requests over a sliding hour, counted whether or not the address has an account (so the
 * answer still reveals nothing): RESET_MAX_PER_ACCOUNT mails to one address (no mail-bombing a person through
 * Tollgate), RESET_MAX_PER_ADDRESS requests from one client address (no spraying addresses to spend the mail quota).
 */
export const RESET_MAX_PER_ACCOUNT = 3;
export const RESET_MAX_PER_ADDRESS = 10;
const RESET_WINDOW_MS = 60 * 60 * 1000;

const resetKeys = (email: string, ip: string | null) => [
  `reset-email:${email.trim().toLowerCase()}`,
  ...(ip ? [`reset-ip:${ip}`] : []),
];

/** Seconds until another reset request is allowed (0 = now); when allowed, counts this one. */
export async function takeResetRequest(email: string, ip: string | null, now = new Date()): Promise<number> {
  const keys = resetKeys(email, ip);
  const rows = await recentFailures(keys, new Date(now.getTime() - RESET_WINDOW_MS));
  let wait = 0;
  for (const r of rows) {
    const max = r.key.startsWith("reset-ip:") ? RESET_MAX_PER_ADDRESS : RESET_MAX_PER_ACCOUNT;
    if (r.count >= max && r.oldest)
      wait = Math.max(wait, Math.ceil((r.oldest.getTime() + RESET_WINDOW_MS - now.getTime()) / 1000));
  }
  if (wait === 0) await recordFailures(keys);
  return wait;
}

export function resetThrottleMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return `Too many password-reset requests for this address. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or ask an administrator for a link.`;
}
