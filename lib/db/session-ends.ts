import "server-only";
import { createHash } from "node:crypto";
import { db, type Prisma } from "./client";

/**
 * Why a session was ended by someone else, so the sign-in page can say so ("your account was disabled") instead of
 * silently showing the form. Kept in better-auth's verification table (identifier "session-ended:<sha-256 of the
 * session token>", value the reason, expiring with the session): only a hash of the token is stored, never the
 * token, and nothing is kept past the session's own lifetime. Used by lib/db (disable user, suspend tenant) and by
 * lib/auth/session.ts.
 */
export type SessionEndReason = "disabled" | "suspended";

const identifier = (token: string) => `session-ended:${createHash("sha256").update(token).digest("hex")}`;

/**
 * The writes that end every session matching `where` and remember why: to run inside the caller's transaction.
 * The sessions are read first (a session created in between is still deleted, just without a reason).
 */
export async function endSessionsOps(
  where: Prisma.SessionWhereInput,
  reason: SessionEndReason,
): Promise<Prisma.PrismaPromise<unknown>[]> {
  const sessions = await db.session.findMany({ where, select: { token: true, expiresAt: true } });
  return [
    ...(sessions.length > 0
      ? [
          db.verification.createMany({
            data: sessions.map((s) => ({
              identifier: identifier(s.token),
              value: reason,
              expiresAt: s.expiresAt,
            })),
          }),
        ]
      : []),
    db.session.deleteMany({ where }),
  ];
}

/** The reason recorded for the session this token belonged to, if it was ended by an operator and is not expired. */
export async function sessionEndReason(token: string, now = new Date()): Promise<SessionEndReason | null> {
  const row = await db.verification.findFirst({
    where: { identifier: identifier(token), expiresAt: { gt: now } },
    select: { value: true },
  });
  return row?.value === "disabled" || row?.value === "suspended" ? row.value : null;
}
