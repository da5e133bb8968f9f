import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { conflict, notFound } from "@/lib/errors";
import { db, type Prisma } from "./client";

export type KeyStatus = "ACTIVE" | "DISABLED" | "DELETED";
export type KeyDto = {
  id: string;
  tenantId: string;
  tenantName: string;
  label: string;
  environment: string;
  status: KeyStatus;
  createdAt: string;
  rotatedFromId: string | null;
  rotatedAt: string | null;
  graceUntil: string | null;
  cleanupPending: boolean;
  disabledBySuspension: boolean;
  /** When the tenant's partner revoked the key (an operator's "disable" leaves it null). */
  revokedAt: string | null;
  lastUsedDay: string | null;
};

type Row = Prisma.ApiKeyRecordGetPayload<object>;

async function lastUsed(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.usageDaily.groupBy({
    by: ["apiKeyId"],
    where: { apiKeyId: { in: ids }, requests: { gt: 0 } },
    _max: { day: true },
  });
  return new Map(rows.flatMap((r) => (r._max.day ? [[r.apiKeyId, r._max.day] as const] : [])));
}

async function toDTOs(rows: Row[]): Promise<KeyDto[]> {
  const used = await lastUsed(rows.map((r) => r.id));
  const tenantIds = [...new Set(rows.map((r) => r.tenantId))];
  const tenants = new Map(
    (await db.tenant.findMany({ where: { id: { in: tenantIds } }, select: { id: true, name: true } })).map(
      (t) => [t.id, t.name],
    ),
  );
  return rows.map((r) => ({
    id: r.id,
    tenantId: r.tenantId,
    tenantName: tenants.get(r.tenantId) ?? "(deleted tenant)",
    label: r.label,
    environment: r.environment,
    status: r.status as KeyStatus,
    createdAt: r.createdAt.toISOString(),
    rotatedFromId: r.rotatedFromId,
    rotatedAt: r.rotatedAt?.toISOString() ?? null,
    graceUntil: r.graceUntil?.toISOString() ?? null,
    cleanupPending: r.cleanupPending,
    disabledBySuspension: r.disabledBySuspension,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    lastUsedDay: used.get(r.id) ?? null,
  }));
}

/** A partner sees only its own tenant's keys (tenant from the session); staff see all. */
function scope(actor: Actor): Prisma.ApiKeyRecordWhereInput {
  return actor.kind === "partner" ? { tenantId: actor.tenantId } : {};
}

export async function listMyKeys(actor: Actor): Promise<KeyDto[]> {
  assertCan(actor, "partner.view");
  const rows = await db.apiKeyRecord.findMany({
    where: { ...scope(actor), status: { not: "DELETED" } },
    orderBy: { createdAt: "desc" },
    take: 500,
  });
  return toDTOs(rows);
}

/** Rotation history: every key of the tenant that was rotated, newest first (deleted ones included). */
export async function listMyRotations(actor: Actor): Promise<KeyDto[]> {
  assertCan(actor, "partner.view");
  const rows = await db.apiKeyRecord.findMany({
    where: { ...scope(actor), rotatedAt: { not: null } },
    orderBy: { rotatedAt: "desc" },
    take: 50,
  });
  return toDTOs(rows);
}

export type KeyFilter = { q?: string; status?: KeyStatus; tenantId?: string; page: number; pageSize: number };

/** Server-side paging for the operator keys overview (indexed columns only, so it stays fast at 10,000 keys). */
export async function listKeysPage(actor: Actor, f: KeyFilter): Promise<{ items: KeyDto[]; total: number }> {
  assertCan(actor, "ops.view");
  const where: Prisma.ApiKeyRecordWhereInput = {};
  if (f.status) where.status = f.status;
  else where.status = { not: "DELETED" };
  if (f.tenantId) where.tenantId = f.tenantId;
  if (f.q) where.OR = [{ label: { contains: f.q } }, { id: { startsWith: f.q } }];
  const [rows, total] = await Promise.all([
    db.apiKeyRecord.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
    }),
    db.apiKeyRecord.count({ where }),
  ]);
  return { items: await toDTOs(rows), total };
}

export async function getKey(actor: Actor, id: string): Promise<Row> {
  const r = await db.apiKeyRecord.findFirst({ where: { id, ...scope(actor), status: { not: "DELETED" } } });
  if (!r) throw notFound("API key");
  return r;
}

export async function countLiveKeys(tenantId: string): Promise<number> {
  return db.apiKeyRecord.count({ where: { tenantId, status: { not: "DELETED" } } });
}

export async function insertKeyRecord(data: Prisma.ApiKeyRecordUncheckedCreateInput): Promise<void> {
  await db.apiKeyRecord.create({ data });
}

/** The new key's record and the old key's grace window, in one transaction: both or neither. */
export async function recordRotation(
  newKey: Prisma.ApiKeyRecordUncheckedCreateInput,
  oldId: string,
  rotatedAt: Date,
  graceUntil: Date,
): Promise<void> {
  await db.$transaction(async (tx) => {
    // Compare-and-set: of two parallel rotations of one key only the first is recorded (the other's AWS key is
    // removed by the caller), so a key never gets two replacements.
    const r = await tx.apiKeyRecord.updateMany({
      where: { id: oldId, graceUntil: null, status: "ACTIVE" },
      data: { rotatedAt, graceUntil },
    });
    if (r.count !== 1)
      throw conflict("This key was rotated at the same moment; reload to see its replacement.");
    await tx.apiKeyRecord.create({ data: newKey });
  });
}

export async function updateKeyRecord(id: string, data: Prisma.ApiKeyRecordUpdateInput): Promise<void> {
  await db.apiKeyRecord.update({ where: { id }, data });
}

/** Keys whose rotation grace window ended and that still exist. */
export async function keysPastGrace(at: Date, take = 100): Promise<Row[]> {
  return db.apiKeyRecord.findMany({
    where: { graceUntil: { lte: at }, status: { not: "DELETED" } },
    take,
  });
}

export async function liveKeysOfTenant(tenantId: string): Promise<Row[]> {
  return db.apiKeyRecord.findMany({ where: { tenantId, status: { not: "DELETED" } } });
}

export async function keyOwners(): Promise<Map<string, string>> {
  const rows = await db.apiKeyRecord.findMany({ select: { id: true, tenantId: true } });
  return new Map(rows.map((r) => [r.id, r.tenantId]));
}

/** Keys the last sync saw in AWS that Tollgate has no record of (re-checked, in case one was recorded since). */
export async function listOrphans(actor: Actor, take = 50) {
  assertCan(actor, "ops.view");
  const seen = await db.awsKeySeen.findMany({ orderBy: { name: "asc" }, take: 1000 });
  const known = new Set(
    (
      await db.apiKeyRecord.findMany({ where: { id: { in: seen.map((s) => s.id) } }, select: { id: true } })
    ).map((k) => k.id),
  );
  const orphans = seen.filter((s) => !known.has(s.id));
  return { total: orphans.length, items: orphans.slice(0, take) };
}

/** Stores the keys the sync found in AWS with no ApiKeyRecord (the table holds orphans only, so reads stay small). */
export async function replaceSeenKeys(
  keys: { id: string; name: string; customerId: string | null; enabled: boolean }[],
  at: Date,
): Promise<void> {
  const known = new Set((await db.apiKeyRecord.findMany({ select: { id: true } })).map((k) => k.id));
  const orphans = keys.filter((k) => !known.has(k.id));
  await db.$transaction(async (tx) => {
    await tx.awsKeySeen.deleteMany({});
    for (let i = 0; i < orphans.length; i += 500)
      await tx.awsKeySeen.createMany({ data: orphans.slice(i, i + 500).map((k) => ({ ...k, seenAt: at })) });
  });
}
