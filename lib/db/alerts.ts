import "server-only";
import { db } from "./client";

export type AlertRecipient = { id: string; email: string; name: string; tenantId: string };

/** The alert kinds a user opted in to. */
export async function optInsOf(userId: string): Promise<string[]> {
  const rows = await db.alertOptIn.findMany({ where: { userId }, select: { kind: true } });
  return rows.map((r) => r.kind);
}

/** Turns one kind on or off for a user (idempotent both ways). */
export async function setOptIn(userId: string, kind: string, on: boolean): Promise<void> {
  if (on)
    await db.alertOptIn.upsert({
      where: { userId_kind: { userId, kind } },
      create: { userId, kind },
      update: {},
    });
  else await db.alertOptIn.deleteMany({ where: { userId, kind } });
}

/**
 * Active users of active tenants who opted in to `kind` (optionally only in the given tenants): the people an
 * alert goes to. A disabled user or a suspended tenant gets nothing.
 */
export async function alertRecipients(kind: string, tenantIds?: string[]): Promise<AlertRecipient[]> {
  const rows = await db.user.findMany({
    where: {
      disabledAt: null,
      tenantId: tenantIds ? { in: tenantIds } : { not: null },
      tenant: { status: "ACTIVE" },
      id: {
        in: (await db.alertOptIn.findMany({ where: { kind }, select: { userId: true } })).map(
          (o) => o.userId,
        ),
      },
    },
    select: { id: true, email: true, name: true, tenantId: true },
  });
  return rows.flatMap((u) =>
    u.tenantId ? [{ id: u.id, email: u.email, name: u.name, tenantId: u.tenantId }] : [],
  );
}

/**
 * Claims the one delivery of an alert: inserts the (user, kind, event) row, which is unique. True for the one
 * caller that inserted it (it sends the mail); false when it was already claimed — by another replica, an earlier
 * run or a run before a restart. The row is written before the mail, so an alert is sent at most once.
 */
export async function claimDelivery(userId: string, kind: string, eventKey: string): Promise<boolean> {
  try {
    await db.alertDelivery.create({ data: { userId, kind, eventKey } });
    return true;
  } catch (e) {
    if ((e as { code?: unknown }).code === "P2002") return false;
    throw e;
  }
}

/** Live keys of the given tenants whose rotated-out old value still works (grace window not over). */
export async function keysInGrace(at: Date) {
  return db.apiKeyRecord.findMany({
    where: { graceUntil: { gt: at }, status: "ACTIVE" },
    select: { id: true, tenantId: true, label: true, graceUntil: true },
  });
}

/** Requests per key of one plan over [from, to) (UTC days), from the synced daily usage. */
export async function usageByKey(usagePlanId: string, keyIds: string[], from: string, to: string) {
  if (keyIds.length === 0) return new Map<string, number>();
  const rows = await db.usageDaily.groupBy({
    by: ["apiKeyId"],
    where: { usagePlanId, apiKeyId: { in: keyIds }, day: { gte: from, lt: to } },
    _sum: { requests: true },
  });
  return new Map(rows.map((r) => [r.apiKeyId, r._sum.requests ?? 0]));
}
