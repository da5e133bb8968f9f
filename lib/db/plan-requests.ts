import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { conflict, notFound } from "@/lib/errors";
import { db, type Prisma } from "./client";

export type PlanRequestStatus = "PENDING" | "APPROVING" | "APPROVED" | "DECLINED" | "WITHDRAWN";

export type PlanRequestDto = {
  id: string;
  tenantId: string;
  tenantName: string;
  requestedBy: string;
  fromPlanId: string | null;
  fromPlanName: string | null;
  toPlanId: string;
  toPlanName: string;
  message: string;
  status: PlanRequestStatus;
  reason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
};

/** The row as the commands need it (ids, no names). */
export type PlanRequestRow = {
  id: string;
  tenantId: string;
  requestedById: string;
  fromPlanId: string | null;
  toPlanId: string;
  message: string;
  status: PlanRequestStatus;
  reason: string | null;
};

const OPEN: PlanRequestStatus[] = ["PENDING", "APPROVING"];

/** Staff see every tenant's requests; a partner only its own tenant's (the id comes from the session). */
function scope(actor: Actor): Prisma.PlanRequestWhereInput {
  return actor.kind === "partner" ? { tenantId: actor.tenantId } : {};
}

async function toDtos(
  rows: Prisma.PlanRequestGetPayload<Record<string, never>>[],
): Promise<PlanRequestDto[]> {
  const planIds = [...new Set(rows.flatMap((r) => [r.toPlanId, ...(r.fromPlanId ? [r.fromPlanId] : [])]))];
  const userIds = [
    ...new Set(rows.flatMap((r) => [r.requestedById, ...(r.decidedById ? [r.decidedById] : [])])),
  ];
  const [plans, users, tenants] = await Promise.all([
    db.usagePlanSnapshot.findMany({ where: { id: { in: planIds } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }),
    db.tenant.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.tenantId))] } },
      select: { id: true, name: true },
    }),
  ]);
  const plan = new Map(plans.map((p) => [p.id, p.name]));
  const user = new Map(users.map((u) => [u.id, `${u.name} <${u.email}>`]));
  const tenant = new Map(tenants.map((t) => [t.id, t.name]));
  return rows.map((r) => ({
    id: r.id,
    tenantId: r.tenantId,
    tenantName: tenant.get(r.tenantId) ?? "",
    requestedBy: user.get(r.requestedById) ?? "a former user",
    fromPlanId: r.fromPlanId,
    fromPlanName: r.fromPlanId ? (plan.get(r.fromPlanId) ?? r.fromPlanId) : null,
    toPlanId: r.toPlanId,
    toPlanName: plan.get(r.toPlanId) ?? r.toPlanId,
    message: r.message,
    status: r.status as PlanRequestStatus,
    reason: r.reason,
    decidedBy: r.decidedById ? (user.get(r.decidedById) ?? "a former user") : null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

const toRow = (r: Prisma.PlanRequestGetPayload<Record<string, never>>): PlanRequestRow => ({
  id: r.id,
  tenantId: r.tenantId,
  requestedById: r.requestedById,
  fromPlanId: r.fromPlanId,
  toPlanId: r.toPlanId,
  message: r.message,
  status: r.status as PlanRequestStatus,
  reason: r.reason,
});

/**
 * Inserts a PENDING request. The unique `pendingKey` (= tenant id while open) refuses a second open request of the
 * same tenant even when two are sent at the same moment: no check-then-act.
 */
export async function insertPlanRequest(input: {
  tenantId: string;
  requestedById: string;
  fromPlanId: string | null;
  toPlanId: string;
  message: string;
}): Promise<PlanRequestRow> {
  const r = await db.planRequest
    .create({ data: { ...input, status: "PENDING", pendingKey: input.tenantId } })
    .catch((e: unknown) => {
      if ((e as { code?: unknown }).code === "P2002")
        throw conflict(
          "Your organisation already has a plan request waiting for a decision. Withdraw it first to ask for another plan.",
        );
      throw e;
    });
  return toRow(r);
}

/** Recent requests: a partner's own tenant's; for staff, every tenant's (open ones first). */
export async function listPlanRequests(
  actor: Actor,
  f: { open?: boolean; take?: number } = {},
): Promise<PlanRequestDto[]> {
  assertCan(actor, actor.kind === "partner" ? "partner.view" : "ops.view");
  const rows = await db.planRequest.findMany({
    where: { ...scope(actor), ...(f.open ? { status: { in: OPEN } } : {}) },
    orderBy: { createdAt: "desc" },
    take: f.take ?? 50,
  });
  return toDtos(rows);
}

/** For the operator nav badge: how many requests wait for a decision. */
export async function countPendingPlanRequests(actor: Actor): Promise<number> {
  assertCan(actor, "ops.view");
  return db.planRequest.count({ where: { status: "PENDING" } });
}

/** One request as seen by the actor; another tenant's looks exactly like one that does not exist. */
export async function getPlanRequest(actor: Actor, id: string): Promise<PlanRequestRow> {
  const r = await db.planRequest.findFirst({ where: { id, ...scope(actor) } });
  if (!r) throw notFound("Plan request");
  return toRow(r);
}

/**
 * Compare-and-set of the status: moves the request only from one of `from`, so two operators deciding at once (or
 * a partner withdrawing while an operator approves) cannot both win. Returns false when it was no longer in `from`.
 * Closing statuses free the tenant's one open slot (pendingKey null).
 */
export async function moveRequest(
  id: string,
  from: PlanRequestStatus[],
  to: PlanRequestStatus,
  data: { decidedById?: string; decidedAt?: Date; reason?: string | null } = {},
): Promise<boolean> {
  const open = OPEN.includes(to);
  const r = await db.planRequest.updateMany({
    where: { id, status: { in: from } },
    data: { status: to, ...(open ? {} : { pendingKey: null }), ...data },
  });
  return r.count === 1;
}

/** Staff and active users who decide plan requests: admins and operators, for the "new request" mail. */
export async function planRequestDeciders(): Promise<{ email: string }[]> {
  return db.user.findMany({
    where: { role: { in: ["admin", "operator"] }, disabledAt: null },
    select: { email: true },
  });
}
