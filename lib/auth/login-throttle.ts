import "server-only";
import { env } from "@/lib/env";
import { clearFailures, recentFailures, recordFailures } from "@/lib/db/login-failures";

/**
 * Sign-in throttling: at most LOGIN_MAX_FAILURES failures per LOGIN_WINDOW_SECONDS for one account and, separately,
 * for one client address. Counted per key so an attacker spraying many accounts from one address is stopped too.
 */
export function throttleKeys(email: string, ip: string | null): string[] {
  return [`email:${email.trim().toLowerCase()}`, ...(ip ? [`ip:${ip}`] : [])];
}

/** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
export async function secondsUntilAllowed(keys: string[], now = new Date()): Promise<number> {
  const windowMs = env.LOGIN_WINDOW_SECONDS * 1000;
  const rows = await recentFailures(keys, new Date(now.getTime() - windowMs));
  let wait = 0;
  for (const r of rows) {
    if (r.count >= env.LOGIN_MAX_FAILURES && r.oldest) {
      wait = Math.max(wait, Math.ceil((r.oldest.getTime() + windowMs - now.getTime()) / 1000));
    }
  }
  return wait;
}

export function throttleMessage(seconds: number): string {
  return `Too many failed sign-in attempts. For your security, sign-in is paused for this account and address; try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
}

export const recordLoginFailure = recordFailures;
export const clearLoginFailures = (email: string) => clearFailures(`email:${email.trim().toLowerCase()}`);
