import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { isAlertKind, type AlertKind } from "./kinds";

// A purpose prefix keeps these signatures from ever matching another HMAC made with the same secret.
const sign = (payload: string) =>
  createHmac("sha256", env.authSecret).update(`tollgate-unsubscribe:${payload}`).digest("base64url");

/**
 * The token of an unsubscribe link: which user and alert kind, signed with the server secret. It does one thing
 * (turn that kind off for that user), needs no login and does not expire; it is never stored or logged.
 */
export function unsubscribeToken(userId: string, kind: AlertKind): string {
  const payload = Buffer.from(`${userId}:${kind}`).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

/** The user and kind a token names, or null for anything not signed by this server. */
export function readUnsubscribeToken(token: string): { userId: string; kind: AlertKind } | null {
  const [payload, sig, ...rest] = token.split(".");
  if (!payload || !sig || rest.length > 0) return null;
  const want = Buffer.from(sign(payload));
  const got = Buffer.from(sig);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
  const [userId, kind, ...more] = Buffer.from(payload, "base64url").toString("utf8").split(":");
  if (!userId || !kind || more.length > 0 || !isAlertKind(kind)) return null;
  return { userId, kind };
}
