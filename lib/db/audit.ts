import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { can, type Permission } from "@/lib/auth/permissions";
import { db, type Prisma, type Tx } from "./client";
import { auditSummary, readJson, toJson } from "./json";
import { definedOnly } from "@/lib/utils/defined-only";

export type AuditOutcome = "success" | "failure" | "denied";

export type AuditInput = {
  /** null for events with no signed-in actor (for example a failed sign-in); `anonymousEmail` then names who tried. */
  actor: Actor | null;
  anonymousEmail?: string;
  /** For a successful sign-in, written before a session exists: who signed in (id, role, tenant). */
  signedIn?: { id: string; role: string; tenantId: string | null };
  action: string;
  targetType: string;
  targetId?: string | null;
  summary?: Record<string, unknown>;
  outcome: AuditOutcome;
  requestId: string;
};

/** Writes one audit event. Called by the action/route wrappers and by jobs; never throws into the caller's flow. */
export async function recordAudit(input: AuditInput, tx: Tx | typeof db = db): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: input.actor?.id ?? input.signedIn?.id ?? null,
      actorEmail: input.actor?.email ?? input.anonymousEmail ?? "anonymous",
      actorRole: input.actor?.role ?? input.signedIn?.role ?? "anonymous",
      tenantId: input.actor?.kind === "partner" ? input.actor.tenantId : (input.signedIn?.tenantId ?? null),
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId ?? null,
      summary: toJson(input.summary ?? {}),
      outcome: input.outcome,
      requestId: input.requestId,
    },
  });
}

export type AuditFilters = {
  actor?: string;
  action?: string;
  target?: string;
  outcome?: AuditOutcome;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
};

export type AuditEventDto = {
  id: string;
  at: string;
  actorEmail: string;
  actorRole: string;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: string;
  outcome: string;
  requestId: string;
};

/**
 * Whose events are whose: an event's subject (target type) is shown only to viewers who may see that subject
 * elsewhere. Operators hold audit.read but not users.read or finance.view, so invitations (e-mails, roles),
 * users, sign-ins, invoices, price plans and finance settings are not theirs to read here either.
 */
export const AUDIT_SUBJECT_PERMISSION: Record<string, Permission> = {
  invitation: "users.read",
  user: "users.read",
  session: "users.read",
  invoice: "finance.view",
  "invoice-run": "finance.view",
  "price-plan": "finance.view",
  "finance-setting": "finance.view",
};

function hiddenSubjects(actor: Actor): string[] {
  return Object.entries(AUDIT_SUBJECT_PERMISSION)
    .filter(([, p]) => !can(actor.role, p))
    .map(([t]) => t);
}

/** Staff with audit.read see the events whose subjects they may see. Server-side paging; newest first. */
export async function listAuditEvents(actor: Actor, f: AuditFilters) {
  assertCan(actor, "audit.read");
  const hidden = hiddenSubjects(actor);
  const where: Prisma.AuditEventWhereInput = hidden.length ? { targetType: { notIn: hidden } } : {};
  if (f.actor) where.actorEmail = { contains: f.actor.toLowerCase() };
  if (f.action) where.action = { startsWith: f.action };
  if (f.outcome) where.outcome = f.outcome;
  if (f.target) where.OR = [{ targetId: { contains: f.target } }, { targetType: { contains: f.target } }];
  if (f.from || f.to) where.at = definedOnly({ gte: f.from, lt: f.to });
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
    }),
  ]);
  const events: AuditEventDto[] = rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorEmail: r.actorEmail,
    actorRole: r.actorRole,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    summary: JSON.stringify(readJson(auditSummary, r.summary, "audit_event.summary")),
    outcome: r.outcome,
    requestId: r.requestId,
  }));
  return { events, total, page: f.page, pageCount: Math.max(1, Math.ceil(total / f.pageSize)) };
}

/** Distinct action names, for the filter's suggestions. */
export async function listAuditActions(actor: Actor): Promise<string[]> {
  assertCan(actor, "audit.read");
  const hidden = hiddenSubjects(actor);
  const rows = await db.auditEvent.findMany({
    ...(hidden.length ? { where: { targetType: { notIn: hidden } } } : {}),
    distinct: ["action"],
    select: { action: true },
    orderBy: { action: "asc" },
  });
  return rows.map((r) => r.action);
}
