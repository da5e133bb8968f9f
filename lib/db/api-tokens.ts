import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { now } from "@/lib/clock";
import { notFound } from "@/lib/errors";
import { db, type Prisma } from "./client";
import { readJson, stringList, toJson } from "./json";

/** Automation API tokens (issue 17). Queries only; the rules live in lib/tokens and lib/api. */

export type ApiTokenRow = Prisma.ApiTokenGetPayload<object>;

export type ApiTokenDto = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  tenantId: string | null;
  tenantName: string | null;
  ipAllowList: string[];
  ratePerMinute: number;
  expiresAt: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  revokedAt: string | null;
  state: "active" | "expired" | "revoked";
  createdByEmail: string;
  createdAt: string;
};

export const tokenScopes = (r: ApiTokenRow) => readJson(stringList, r.scopes, "api_token.scopes");
export const tokenIpAllowList = (r: ApiTokenRow) =>
  readJson(stringList, r.ipAllowList, "api_token.ipAllowList");

async function toDtos(rows: ApiTokenRow[]): Promise<ApiTokenDto[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.tenantId ? [r.tenantId] : [])))];
  const names = new Map(
    (await db.tenant.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((t) => [
      t.id,
      t.name,
    ]),
  );
  const at = now();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: tokenScopes(r),
    tenantId: r.tenantId,
    tenantName: r.tenantId ? (names.get(r.tenantId) ?? "(deleted tenant)") : null,
    ipAllowList: tokenIpAllowList(r),
    ratePerMinute: r.ratePerMinute,
    expiresAt: r.expiresAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    lastUsedIp: r.lastUsedIp,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    state: r.revokedAt ? "revoked" : r.expiresAt && r.expiresAt <= at ? "expired" : "active",
    createdByEmail: r.createdByEmail,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Admins see every token; a partner only its own tenant's (tenant from the session). */
function scope(actor: Actor): Prisma.ApiTokenWhereInput {
  return actor.kind === "partner" ? { tenantId: actor.tenantId } : {};
}
const permissionOf = (actor: Actor) => (actor.kind === "partner" ? "tokens.self" : "tokens.manage");

export async function listApiTokens(actor: Actor): Promise<ApiTokenDto[]> {
  assertCan(actor, permissionOf(actor));
  const rows = await db.apiToken.findMany({ where: scope(actor), orderBy: { createdAt: "desc" }, take: 500 });
  return toDtos(rows);
}

export async function insertApiToken(
  actor: Actor,
  data: Omit<
    Prisma.ApiTokenUncheckedCreateInput,
    "createdById" | "createdByEmail" | "scopes" | "ipAllowList"
  > & { scopes: string[]; ipAllowList: string[] },
): Promise<ApiTokenDto> {
  assertCan(actor, permissionOf(actor));
  const row = await db.apiToken.create({
    data: {
      ...data,
      scopes: toJson(data.scopes),
      ipAllowList: toJson(data.ipAllowList),
      createdById: actor.id,
      createdByEmail: actor.email,
    },
  });
  return (await toDtos([row]))[0]!;
}

/** Revokes a token the actor may see; another tenant's token is "not found", exactly like a missing one. */
export async function revokeApiTokenRow(actor: Actor, id: string, at: Date): Promise<ApiTokenDto> {
  assertCan(actor, permissionOf(actor));
  const row = await db.apiToken.findFirst({ where: { id, ...scope(actor) } });
  if (!row) throw notFound("Token");
  const updated = row.revokedAt ? row : await db.apiToken.update({ where: { id }, data: { revokedAt: at } });
  return (await toDtos([updated]))[0]!;
}

/** The token a presented value hashes to (the API's authentication; no actor yet). */
export async function findApiTokenByHash(tokenHash: string): Promise<ApiTokenRow | null> {
  return db.apiToken.findUnique({ where: { tokenHash } });
}

export async function tenantStatus(tenantId: string): Promise<{ status: string; name: string } | null> {
  return db.tenant.findUnique({ where: { id: tenantId }, select: { status: true, name: true } });
}

/** Last use, written at most once a minute per token (a write per call would be a write per poll). */
export async function touchApiToken(id: string, at: Date, ip: string | null): Promise<void> {
  await db.apiToken.updateMany({
    where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(at.getTime() - 60_000) } }] },
    data: { lastUsedAt: at, lastUsedIp: ip },
  });
}

/** A tenant by slug or id (the API's `{tenant}` path segment). */
export async function findTenantRef(ref: string): Promise<{ id: string; slug: string; name: string } | null> {
  return db.tenant.findFirst({
    where: { OR: [{ slug: ref }, { id: ref }] },
    select: { id: true, slug: true, name: true },
  });
}

// ─── Idempotency ───────────────────────────────────────────────────────────────────────────────────────

export type IdempotencyRow = Prisma.ApiIdempotencyGetPayload<object>;

/**
 * Claims (tokenId, key) for a first request. Returns null when claimed now, or the existing row (a retry, or the
 * same key racing) — the unique key decides, so two parallel requests cannot both run.
 */
export async function claimIdempotencyKey(
  tokenId: string,
  key: string,
  requestHash: string,
  at: Date,
): Promise<IdempotencyRow | null> {
  await db.apiIdempotency.deleteMany({ where: { tokenId, key, expiresAt: { lt: at } } });
  try {
    await db.apiIdempotency.create({
      data: { tokenId, key, requestHash, expiresAt: new Date(at.getTime() + 24 * 3600_000) },
    });
    return null;
  } catch (e) {
    if ((e as { code?: string }).code !== "P2002") throw e;
    return db.apiIdempotency.findUnique({ where: { tokenId_key: { tokenId, key } } });
  }
}

export async function completeIdempotencyKey(
  tokenId: string,
  key: string,
  status: number,
  body: string,
): Promise<void> {
  await db.apiIdempotency.update({ where: { tokenId_key: { tokenId, key } }, data: { status, body } });
}

/** A first request that failed unexpectedly frees its key, so the retry runs again. */
export async function releaseIdempotencyKey(tokenId: string, key: string): Promise<void> {
  await db.apiIdempotency.deleteMany({ where: { tokenId, key, status: null } });
}

export async function purgeExpiredIdempotency(at: Date): Promise<number> {
  return (await db.apiIdempotency.deleteMany({ where: { expiresAt: { lt: at } } })).count;
}
