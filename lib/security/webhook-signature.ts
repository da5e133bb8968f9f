import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A rollout's webhook secret: derived from the console's secret and the rollout id, so it is never stored; it is
 * shown to the operator once, when the rollout starts.
 */
export function webhookSecret(authSecret: string, rolloutId: string): string {
  return `whsec_${createHmac("sha256", authSecret).update(`rollout-webhook:${rolloutId}`).digest("base64url")}`;
}

/**
 * The `X-Tollgate-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. Receivers recompute
 * it with their secret, compare in constant time and reject old timestamps (replays).
 */
export function signatureHeader(secret: string, body: string, at = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
}

/** What a receiver does (used by the tests, and a reference for receivers). */
export function verifySignature(
  secret: string,
  body: string,
  header: string,
  toleranceSeconds = 300,
): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m) return false;
  if (Math.abs(Date.now() / 1000 - Number(m[1])) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(`${m[1]}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(m[2]!, "hex"));
}
