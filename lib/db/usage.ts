import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { db } from "./client";

export type UsageCell = {
  apiKeyId: string;
  usagePlanId: string;
  tenantId: string | null;
  day: string;
  requests: number;
};

/**
 * Idempotent write of synced usage: rows are keyed by (key, plan, day) and carry GetUsage's count for that day, so
 * re-syncing any window overwrites with the same number and never adds. Reads the window's existing rows first so
 * unchanged cells cost nothing (a full sync of 10,000 keys writes only what moved). Returns cells written.
 */
export async function upsertUsage(cells: UsageCell[]): Promise<number> {
  if (cells.length === 0) return 0;
  const keyIds = [...new Set(cells.map((c) => c.apiKeyId))];
  const days = [...new Set(cells.map((c) => c.day))];
  const existing = new Map<string, { id: string; requests: number; tenantId: string | null }>();
  for (let i = 0; i < keyIds.length; i += 500) {
    const rows = await db.usageDaily.findMany({
      where: { apiKeyId: { in: keyIds.slice(i, i + 500) }, day: { in: days } },
      select: { id: true, apiKeyId: true, usagePlanId: true, day: true, requests: true, tenantId: true },
    });
    for (const r of rows) existing.set(`${r.apiKeyId}|${r.usagePlanId}|${r.day}`, r);
  }
  const create: UsageCell[] = [];
  const update: { id: string; requests: number; tenantId: string | null }[] = [];
  for (const c of cells) {
    const e = existing.get(`${c.apiKeyId}|${c.usagePlanId}|${c.day}`);
    if (!e) {
      if (c.requests > 0) create.push(c);
    } else if (e.requests !== c.requests || (c.tenantId && e.tenantId !== c.tenantId)) {
      update.push({ id: e.id, requests: c.requests, tenantId: c.tenantId ?? e.tenantId });
    }
  }
  await db.$transaction(async (tx) => {
    for (let i = 0; i < create.length; i += 500)
      await tx.usageDaily.createMany({ data: create.slice(i, i + 500) });
    for (const u of update)
      await tx.usageDaily.update({
        where: { id: u.id },
        data: { requests: u.requests, tenantId: u.tenantId },
      });
  });
  return create.length + update.length;
}

export type DailyUsage = { day: string; requests: number };
export type TenantUsage = {
  days: DailyUsage[];
  perKey: { apiKeyId: string; days: DailyUsage[]; total: number }[];
  perPlanKeyDay: { usagePlanId: string; apiKeyId: string; day: string; requests: number }[];
};

/** The partner's own tenant's usage between two days inclusive (tenant from the session; reads the database only). */
export async function myUsage(actor: Actor, from: string, to: string): Promise<TenantUsage> {
  assertCan(actor, "partner.view");
  if (actor.kind !== "partner") return { days: [], perKey: [], perPlanKeyDay: [] };
  return usageOf(actor.tenantId, from, to);
}

/** Any tenant's usage between two days inclusive, for staff who read usage across tenants (`finance.view`). */
export async function tenantUsage(
  actor: Actor,
  tenantId: string,
  from: string,
  to: string,
): Promise<TenantUsage> {
  assertCan(actor, "finance.view");
  if (actor.kind === "partner") return { days: [], perKey: [], perPlanKeyDay: [] };
  return usageOf(tenantId, from, to);
}

async function usageOf(tenantId: string, from: string, to: string): Promise<TenantUsage> {
  const rows = await db.usageDaily.findMany({
    where: { tenantId, day: { gte: from, lte: to } },
    select: { apiKeyId: true, usagePlanId: true, day: true, requests: true },
  });
  const byDay = new Map<string, number>();
  const byKey = new Map<string, Map<string, number>>();
  for (const r of rows) {
    byDay.set(r.day, (byDay.get(r.day) ?? 0) + r.requests);
    const k = byKey.get(r.apiKeyId) ?? new Map<string, number>();
    k.set(r.day, (k.get(r.day) ?? 0) + r.requests);
    byKey.set(r.apiKeyId, k);
  }
  const series = (m: Map<string, number>) =>
    [...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, requests]) => ({ day, requests }));
  return {
    days: series(byDay),
    perKey: [...byKey.entries()].map(([apiKeyId, m]) => ({
      apiKeyId,
      days: series(m),
      total: [...m.values()].reduce((a, b) => a + b, 0),
    })),
    perPlanKeyDay: rows,
  };
}

// ─── Sync state ──────────────────────────────────────────────────────────────────────────────────────────

export type SyncStateDto = {
  running: boolean;
  startedAt: string | null;
  finishedAt: string | null;
  lastSuccessAt: string | null;
  done: number;
  total: number;
  rows: number;
  awsCalls: number;
  error: string | null;
};
const SYNC = "usage-sync";

export async function getSyncState(): Promise<SyncStateDto> {
  const s = await db.syncState.findUnique({ where: { name: SYNC } });
  return {
    running: s?.running ?? false,
    startedAt: s?.startedAt?.toISOString() ?? null,
    finishedAt: s?.finishedAt?.toISOString() ?? null,
    lastSuccessAt: s?.lastSuccessAt?.toISOString() ?? null,
    done: s?.done ?? 0,
    total: s?.total ?? 0,
    rows: s?.rows ?? 0,
    awsCalls: s?.awsCalls ?? 0,
    error: s?.error ?? null,
  };
}

export async function readSyncState(actor: Actor): Promise<SyncStateDto> {
  if (actor.kind !== "partner") assertCan(actor, "ops.view");
  return getSyncState();
}

export async function setSyncState(data: {
  running?: boolean;
  startedAt?: Date;
  finishedAt?: Date;
  lastSuccessAt?: Date;
  done?: number;
  total?: number;
  rows?: number;
  awsCalls?: number;
  error?: string | null;
}): Promise<void> {
  await db.syncState.upsert({ where: { name: SYNC }, create: { name: SYNC, ...data }, update: data });
}
