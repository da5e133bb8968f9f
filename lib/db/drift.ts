import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { db } from "./client";
import type { InvScope } from "./inventory";

/**
 * The Drift view's database side: key records whose AWS key is gone (written by the usage sync, which lists every
 * key anyway), open subscriptions, and the records' current state. Readers: lib/inventory/drift.ts (ops.view).
 */
export async function replaceKeyGaps(
  scope: InvScope,
  awsKeyIds: Set<string>,
  listedAt: Date,
): Promise<number> {
  // Only records older than the listing: a key created while the sync ran is not missing.
  const live = await db.apiKeyRecord.findMany({
    where: { status: { in: ["ACTIVE", "DISABLED"] }, cleanupPending: false, createdAt: { lt: listedAt } },
    select: { id: true, tenantId: true, label: true },
  });
  const gone = live.filter((k) => !awsKeyIds.has(k.id));
  await db.$transaction(async (tx) => {
    await tx.invKeyGap.deleteMany({ where: scope });
    if (gone.length)
      await tx.invKeyGap.createMany({
        data: gone.map((k) => ({
          ...scope,
          keyId: k.id,
          tenantId: k.tenantId,
          label: k.label,
          checkedAt: listedAt,
        })),
      });
  });
  return gone.length;
}

/** Records whose AWS key is gone, still live in Tollgate (re-checked), with their tenant's name. */
export async function keyGaps(actor: Actor, scope: InvScope) {
  assertCan(actor, "ops.view");
  const gaps = await db.invKeyGap.findMany({ where: scope, orderBy: { label: "asc" }, take: 200 });
  const live = new Set(
    (
      await db.apiKeyRecord.findMany({
        where: { id: { in: gaps.map((g) => g.keyId) }, status: { in: ["ACTIVE", "DISABLED"] } },
        select: { id: true },
      })
    ).map((r) => r.id),
  );
  const tenants = new Map(
    (await db.tenant.findMany({ where: { id: { in: gaps.map((g) => g.tenantId) } } })).map((t) => [
      t.id,
      t.name,
    ]),
  );
  return gaps
    .filter((g) => live.has(g.keyId))
    .map((g) => ({ ...g, tenantName: tenants.get(g.tenantId) ?? g.tenantId }));
}

/** Open subscriptions with their tenant's name (the view keeps those whose plan is gone). */
export async function openSubscriptions(actor: Actor) {
  assertCan(actor, "ops.view");
  const subs = await db.subscription.findMany({ where: { until: null }, orderBy: { since: "asc" } });
  const tenants = new Map(
    (await db.tenant.findMany({ where: { id: { in: subs.map((s) => s.tenantId) } } })).map((t) => [
      t.id,
      t.name,
    ]),
  );
  return subs.map((s) => ({ ...s, tenantName: tenants.get(s.tenantId) ?? s.tenantId }));
}

/** Marks a key record deleted because its key no longer exists in AWS (the Drift view's resolution). */
export async function forgetGoneKey(
  actor: Actor,
  scope: InvScope,
  keyId: string,
  at: Date,
): Promise<boolean> {
  assertCan(actor, "keys.manage");
  return db.$transaction(async (tx) => {
    const gap = await tx.invKeyGap.findUnique({ where: { account_region_keyId: { ...scope, keyId } } });
    if (!gap) return false;
    await tx.apiKeyRecord.updateMany({
      where: { id: keyId, status: { in: ["ACTIVE", "DISABLED"] } },
      data: { status: "DELETED", deletedAt: at },
    });
    await tx.invKeyGap.delete({ where: { account_region_keyId: { ...scope, keyId } } });
    return true;
  });
}

/** Ends a subscription to a plan that no longer exists in AWS (nothing to detach there). */
export async function endSubscriptionToGonePlan(
  actor: Actor,
  subscriptionId: string,
  at: Date,
): Promise<boolean> {
  assertCan(actor, "plans.manage");
  const r = await db.subscription.updateMany({
    where: { id: subscriptionId, until: null },
    data: { until: at },
  });
  return r.count === 1;
}
