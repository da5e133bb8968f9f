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
