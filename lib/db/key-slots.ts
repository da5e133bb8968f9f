import "server-only";
import { conflict, notFound } from "@/lib/errors";
import { db, type Prisma } from "./client";
import { lockTenant } from "./tenant-lock";

/** A reservation older than this belongs to a process that died between CreateApiKey and the insert. */
export const RESERVATION_TTL_MS = 5 * 60 * 1000;

export const keyLimitMessage = (limit: number) =>
  `Your organisation already has ${limit} keys, the most it may have. Revoke and delete one first.`;

/**
 * Takes one of the tenant's key slots before the AWS call: under the tenant's row lock it counts the live keys
 * plus the slots other creations hold, and refuses at the limit. So N parallel creations make at most `limit`
 * keys, on SQLite and PostgreSQL alike. For lib/keys/commands.ts; pair with `recordReservedKey`/`releaseKeySlot`.
 */
export async function reserveKeySlot(tenantId: string, limit: number, at = new Date()): Promise<string> {
  return db.$transaction(async (tx) => {
    if (!(await lockTenant(tx, tenantId))) throw notFound("Tenant");
    const since = new Date(at.getTime() - RESERVATION_TTL_MS);
    const [live, held] = await Promise.all([
      tx.apiKeyRecord.count({ where: { tenantId, status: { not: "DELETED" } } }),
      tx.keyReservation.count({ where: { tenantId, createdAt: { gt: since } } }),
    ]);
    if (live + held >= limit) throw conflict(keyLimitMessage(limit));
    const r = await tx.keyReservation.create({ data: { tenantId, createdAt: at } });
    return r.id;
  });
}

/** The key's record replaces its slot in one transaction: the count never drops in between. */
export async function recordReservedKey(
  reservationId: string,
  data: Prisma.ApiKeyRecordUncheckedCreateInput,
): Promise<void> {
  // Under the same lock: otherwise a count taken between "record added" and "slot removed" could see neither.
  await db.$transaction(async (tx) => {
    await lockTenant(tx, data.tenantId);
    await tx.apiKeyRecord.create({ data });
    await tx.keyReservation.deleteMany({ where: { id: reservationId } });
  });
}

/** Gives the slot back when the creation failed (the AWS key was removed or flagged by the caller). */
export async function releaseKeySlot(reservationId: string): Promise<void> {
  await db.keyReservation.deleteMany({ where: { id: reservationId } });
}
