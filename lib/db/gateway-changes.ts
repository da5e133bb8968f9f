import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { recordAudit } from "./audit";
import { db, type Tx } from "./client";
import type { InvScope } from "./inventory";
import { readJson, stringList, toJson, toJsonOrNull } from "./json";

/**
 * Gateway change events (Tollgate's writes and changes found outside Tollgate), the inventory's sync state and
 * its watched set. Writers: lib/inventory; readers: operator pages (ops.view re-checked).
 */
export type ChangeInput = {
  objectType: "rest-stage" | "v2-stage" | "rest-api" | "v2-api" | "usage-plan";
  apiId: string;
  stageName?: string | null;
  objectName: string;
  kind: "created" | "updated" | "deleted";
  source: "tollgate" | "outside";
  summary: string[];
  before?: unknown;
  after?: unknown;
  actorEmail?: string | null;
  awsAt?: string | null;
  windowStart?: Date | null;
  windowEnd: Date;
};

/** Records one change; an outside one also gets an audit entry marked "outside Tollgate" (same transaction). */
export async function recordChange(scope: InvScope, c: ChangeInput, tx?: Tx): Promise<void> {
  const write = async (t: Tx) => {
    await t.gatewayChange.create({
      data: {
        ...scope,
        objectType: c.objectType,
        apiId: c.apiId,
        stageName: c.stageName ?? null,
        objectName: c.objectName,
        kind: c.kind,
        source: c.source,
        summary: toJson(c.summary),
        before: toJsonOrNull(c.before),
        after: toJsonOrNull(c.after),
        actorEmail: c.actorEmail ?? null,
        awsAt: c.awsAt ?? null,
        windowStart: c.windowStart ?? null,
        windowEnd: c.windowEnd,
      },
    });
    if (c.source === "outside")
      await recordAudit(
        {
          actor: null,
          anonymousEmail: "outside Tollgate",
          action: `gateway.outside-change`,
          targetType: c.objectType,
          targetId: c.stageName ? `${c.apiId}/${c.stageName}` : c.apiId,
          summary: {
            outsideTollgate: true,
            object: c.objectName,
            kind: c.kind,
            changes: c.summary,
            awsLastUpdated: c.awsAt ?? null,
            window: { from: c.windowStart?.toISOString() ?? null, to: c.windowEnd.toISOString() },
          },
          outcome: "success",
          requestId: randomUUID(),
        },
        t,
      );
  };
  if (tx) await write(tx);
  else await db.$transaction(write);
}

export type ChangeDto = {
  id: string;
  source: "tollgate" | "outside";
  kind: string;
  objectName: string;
  summary: string[];
  actorEmail: string | null;
  awsAt: string | null;
  windowStart: string | null;
  windowEnd: string;
};

const dto = (r: Awaited<ReturnType<typeof db.gatewayChange.findMany>>[number]): ChangeDto => ({
  id: r.id,
  source: r.source === "outside" ? "outside" : "tollgate",
  kind: r.kind,
  objectName: r.objectName,
  summary: readJson(stringList, r.summary, "gateway_change.summary"),
  actorEmail: r.actorEmail,
  awsAt: r.awsAt,
  windowStart: r.windowStart?.toISOString() ?? null,
  windowEnd: r.windowEnd.toISOString(),
});

/** A stage's Changes timeline, newest first. */
export async function stageChanges(
  actor: Actor,
  scope: InvScope,
  apiId: string,
  stageName: string,
  take = 50,
) {
  assertCan(actor, "ops.view");
  const rows = await db.gatewayChange.findMany({
    where: { ...scope, apiId, stageName },
    orderBy: [{ windowEnd: "desc" }, { id: "desc" }],
    take,
  });
  return rows.map(dto);
}

/** Outside changes since `since` (the overview's badge) with the newest few. */
export async function recentOutsideChanges(actor: Actor, scope: InvScope, since: Date, take = 5) {
  assertCan(actor, "ops.view");
  const where = { ...scope, source: "outside", windowEnd: { gte: since } };
  const [count, rows] = await Promise.all([
    db.gatewayChange.count({ where }),
    db.gatewayChange.findMany({ where, orderBy: [{ windowEnd: "desc" }, { id: "desc" }], take }),
  ]);
  return {
    count,
    items: rows.map((r) => ({ ...dto(r), objectType: r.objectType, apiId: r.apiId, stageName: r.stageName })),
  };
}

// ─── Sync state ───────────────────────────────────────────────────────────────────────────────────────
export async function getInvSyncState(scope: InvScope) {
  return db.invSyncState.findUnique({ where: { account_region: scope } });
}

export async function setInvSyncState(
  scope: InvScope,
  data: {
    sweepStartedAt?: Date;
    lastSweepAt?: Date;
    lastSweepCalls?: number;
    lastSweepMs?: number;
    error?: string | null;
  },
) {
  await db.invSyncState.upsert({
    where: { account_region: scope },
    create: { ...scope, ...data },
    update: data,
  });
}

// ─── Watched set ──────────────────────────────────────────────────────────────────────────────────────
export async function touchWatch(scope: InvScope, key: string, at: Date) {
  await db.invWatch.upsert({
    where: { account_region_key: { ...scope, key } },
    create: { ...scope, key, viewedAt: at },
    update: { viewedAt: at },
  });
}

export async function watchedKeys(scope: InvScope, since: Date): Promise<string[]> {
  const rows = await db.invWatch.findMany({
    where: { ...scope, viewedAt: { gte: since } },
    select: { key: true },
  });
  return rows.map((r) => r.key);
}
