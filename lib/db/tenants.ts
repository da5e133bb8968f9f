import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { conflict, notFound } from "@/lib/errors";
import { db, type Prisma } from "./client";
import { endSessionsOps } from "./session-ends";

export type TenantStatus = "ACTIVE" | "SUSPENDED";

export type TenantDto = {
  id: string;
  name: string;
  slug: string;
  status: TenantStatus;
  billingEmail: string | null;
  userCount: number;
  createdAt: string;
  suspendedAt: string | null;
  /** Keys that work now: suspending the tenant disables every one of them. */
  activeKeyCount: number;
  /** Keys the suspension disabled: reinstating enables exactly these again. */
  suspendedKeyCount: number;
};

type KeyCounts = { active: number; suspended: number };

type TenantRow = Prisma.TenantGetPayload<{ include: { _count: { select: { users: true } } } }>;
const toDto = (t: TenantRow, keys: KeyCounts | undefined): TenantDto => ({
  id: t.id,
  name: t.name,
  slug: t.slug,
  status: t.status as TenantStatus,
  billingEmail: t.billingEmail,
  userCount: t._count.users,
  createdAt: t.createdAt.toISOString(),
  suspendedAt: t.suspendedAt?.toISOString() ?? null,
  activeKeyCount: keys?.active ?? 0,
  suspendedKeyCount: keys?.suspended ?? 0,
});

/** Live keys per tenant, in one grouped query (the suspend dialog says how many keys it will disable). */
async function keyCounts(tenantIds: string[]): Promise<Map<string, KeyCounts>> {
  const out = new Map<string, KeyCounts>();
  if (tenantIds.length === 0) return out;
  const rows = await db.apiKeyRecord.groupBy({
    by: ["tenantId", "status", "disabledBySuspension"],
    where: { tenantId: { in: tenantIds }, status: { in: ["ACTIVE", "DISABLED"] } },
    _count: { _all: true },
  });
  for (const r of rows) {
    const c = out.get(r.tenantId) ?? { active: 0, suspended: 0 };
    if (r.status === "ACTIVE") c.active += r._count._all;
    else if (r.disabledBySuspension) c.suspended += r._count._all;
    out.set(r.tenantId, c);
  }
  return out;
}

/**
 * "Café Zürich" → "cafe-zurich", "東京トラベル" → "東京トラベル", "Acme / EU" → "acme-eu": Latin accents are folded,
 * letters and digits of every script kept, everything else becomes one hyphen; at most 60 characters (code points).
 */
export function slugify(name: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return Array.from(s).slice(0, 60).join("").replace(/-+$/, "");
}

/** Staff see every tenant; a partner sees only its own (the id comes from the session). */
function scope(actor: Actor): Prisma.TenantWhereInput {
  return actor.kind === "partner" ? { id: actor.tenantId } : {};
}

export async function listTenants(
  actor: Actor,
  f: { q?: string; status?: TenantStatus } = {},
): Promise<TenantDto[]> {
  assertCan(actor, "tenants.read");
  const where: Prisma.TenantWhereInput = { ...scope(actor) };
  if (f.status) where.status = f.status;
  if (f.q) where.OR = [{ name: { contains: f.q } }, { slug: { contains: f.q.toLowerCase() } }];
  const rows = await db.tenant.findMany({
    where,
    orderBy: { name: "asc" },
    include: { _count: { select: { users: true } } },
  });
  const keys = await keyCounts(rows.map((t) => t.id));
  return rows.map((t) => toDto(t, keys.get(t.id)));
}

export async function getTenant(actor: Actor, id: string): Promise<TenantDto> {
  assertCan(actor, "tenants.read");
  const t = await db.tenant.findFirst({
    where: { id, ...scope(actor) },
    include: { _count: { select: { users: true } } },
  });
  if (!t) throw notFound("Tenant");
  return toDto(t, (await keyCounts([t.id])).get(t.id));
}

/** Options for pickers (invite a partner). */
export async function listActiveTenantOptions(actor: Actor): Promise<{ id: string; name: string }[]> {
  assertCan(actor, "tenants.read");
  return db.tenant.findMany({
    where: { status: "ACTIVE", ...scope(actor) },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

async function assertNameFree(name: string, exceptId?: string) {
  const slug = slugify(name);
  const clash = await db.tenant.findFirst({ where: { OR: [{ name }, { slug }] }, select: { id: true } });
  if (clash && clash.id !== exceptId) throw conflict("A tenant with this name already exists.", "name");
  return slug;
}

export async function createTenant(
  actor: Actor,
  input: { name: string; billingEmail?: string },
): Promise<TenantDto> {
  assertCan(actor, "tenants.manage");
  const slug = await assertNameFree(input.name);
  const t = await db.tenant.create({
    data: { name: input.name, slug, billingEmail: input.billingEmail ?? null },
    include: { _count: { select: { users: true } } },
  });
  return toDto(t, (await keyCounts([t.id])).get(t.id));
}

export async function renameTenant(actor: Actor, id: string, name: string): Promise<TenantDto> {
  assertCan(actor, "tenants.manage");
  const before = await getTenant(actor, id);
  const slug = await assertNameFree(name, id);
  const t = await db.tenant.update({
    where: { id: before.id },
    data: { name, slug },
    include: { _count: { select: { users: true } } },
  });
  return toDto(t, (await keyCounts([t.id])).get(t.id));
}

/**
 * Suspending signs the tenant's partners out at once (their sessions are deleted) and keeps them out
 * (lib/auth/session.ts refuses partners of a suspended tenant). Reinstating lets them sign in again.
 */
export async function setTenantStatus(
  actor: Actor,
  id: string,
  status: TenantStatus,
  /** Runs before the status changes (the tenant's keys are disabled/re-enabled in AWS); a failure changes nothing here. */
  beforeChange?: (tenantId: string) => Promise<unknown>,
): Promise<TenantDto> {
  assertCan(actor, "tenants.manage");
  const before = await getTenant(actor, id);
  await beforeChange?.(before.id);
  const [t] = await db.$transaction([
    db.tenant.update({
      where: { id: before.id },
      data: { status, suspendedAt: status === "SUSPENDED" ? new Date() : null },
      include: { _count: { select: { users: true } } },
    }),
    ...(status === "SUSPENDED" ? await endSessionsOps({ user: { tenantId: before.id } }, "suspended") : []),
  ]);
  const row = t as TenantRow;
  return toDto(row, (await keyCounts([row.id])).get(row.id));
}
