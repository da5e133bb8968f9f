import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import type { PlanSettings } from "@/lib/aws/usage-plans";
import { db } from "./client";
import { planSettings, readJson, toJson } from "./json";
import { definedOnly } from "@/lib/utils/defined-only";
import { lockTenant } from "./tenant-lock";

export type SubscriptionDto = {
  id: string;
  tenantId: string;
  tenantName: string;
  usagePlanId: string;
  since: string;
};

export async function activePlanIds(tenantId: string): Promise<string[]> {
  const rows = await db.subscription.findMany({
    where: { tenantId, until: null },
    select: { usagePlanId: true },
  });
  return rows.map((r) => r.usagePlanId);
}

export async function listSubscriptions(
  actor: Actor,
  f: { usagePlanId?: string } = {},
): Promise<SubscriptionDto[]> {
  assertCan(actor, "ops.view");
  const rows = await db.subscription.findMany({
    where: { until: null, ...definedOnly({ usagePlanId: f.usagePlanId }) },
    orderBy: { since: "asc" },
  });
  const tenants = new Map(
    (await db.tenant.findMany({ where: { id: { in: rows.map((r) => r.tenantId) } } })).map((t) => [
      t.id,
      t.name,
    ]),
  );
  return rows.map((r) => ({
    id: r.id,
    tenantId: r.tenantId,
    tenantName: tenants.get(r.tenantId) ?? "",
    usagePlanId: r.usagePlanId,
    since: r.since.toISOString(),
  }));
}

/** Idempotent; under the tenant's lock, so parallel subscribes of one tenant to one plan leave one open row. */
export async function addSubscription(tenantId: string, usagePlanId: string, at: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockTenant(tx, tenantId);
    const open = await tx.subscription.findFirst({ where: { tenantId, usagePlanId, until: null } });
    if (!open) await tx.subscription.create({ data: { tenantId, usagePlanId, since: at } });
  });
}

export async function endSubscription(tenantId: string, usagePlanId: string, at: Date): Promise<void> {
  await db.subscription.updateMany({ where: { tenantId, usagePlanId, until: null }, data: { until: at } });
}

// ─── Plan snapshots (what usage pages show without calling AWS) ─────────────────────────────────────────

export type PlanSnapshot = { id: string; name: string; description: string | null } & PlanSettings;

export async function savePlanSnapshots(plans: PlanSnapshot[], opts: { complete: boolean }): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const p of plans) {
      const { id, name, description, ...settings } = p;
      const data = { name, description, settings: toJson(settings), deletedAt: null };
      await tx.usagePlanSnapshot.upsert({ where: { id }, create: { id, ...data }, update: data });
    }
    // A full listing also tells us which plans are gone.
    if (opts.complete)
      await tx.usagePlanSnapshot.updateMany({
        where: { id: { notIn: plans.map((p) => p.id) }, deletedAt: null },
        data: { deletedAt: new Date() },
      });
  });
}

export async function markPlanDeleted(id: string): Promise<void> {
  await db.usagePlanSnapshot.updateMany({ where: { id }, data: { deletedAt: new Date() } });
}

export async function planSnapshots(ids?: string[]): Promise<PlanSnapshot[]> {
  const rows = await db.usagePlanSnapshot.findMany({
    where: { deletedAt: null, ...(ids ? { id: { in: ids } } : {}) },
    orderBy: { name: "asc" },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    ...readJson(planSettings, r.settings, "usage_plan_snapshot.settings"),
  }));
}

/** The plans of the partner's own tenant (from the session), from the snapshots. */
export async function myPlans(actor: Actor): Promise<PlanSnapshot[]> {
  assertCan(actor, "partner.view");
  if (actor.kind !== "partner") return [];
  return planSnapshots(await activePlanIds(actor.tenantId));
}

/** Active plan ids per tenant, for a page of keys. */
export async function activePlanIdsByTenant(tenantIds: string[]): Promise<Map<string, string[]>> {
  const rows = await db.subscription.findMany({ where: { tenantId: { in: tenantIds }, until: null } });
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.tenantId, [...(out.get(r.tenantId) ?? []), r.usagePlanId]);
  return out;
}
