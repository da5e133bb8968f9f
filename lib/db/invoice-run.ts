import "server-only";
import { dueDay, taxMinor } from "@/lib/billing/issuer";
import { monthDays, type PricedLine } from "@/lib/billing/pricing";
import { notFound } from "@/lib/errors";
import { getIssuerSettings } from "./finance-settings";
import { env } from "@/lib/env";
import { db, Prisma, type Tx } from "./client";
import { toJson } from "./json";

/**
 * The invoice lifecycle's queries and writes (the rules — what may change when, adjustments, numbering — live in
 * lib/invoices/commands.ts): usage per tenant and day, finalized invoices and the lines already carried over from
 * them, draft writes, the per-year counter and status changes. Finalized invoices are also immutable by database
 * triggers. Callers: lib/invoices only.
 */

export type InvoiceTx = Tx;
type Client = Tx | typeof db;

/** Runs `fn` in one transaction (the lifecycle's unit of change). */
export function invoiceTransaction<T>(fn: (tx: Tx) => Promise<T>, opts?: { timeout?: number }): Promise<T> {
  return db.$transaction(fn, opts);
}

/**
 * Requests per tenant and day of `month`, summed over all of the tenant's keys and usage plans. For a whole month it
 * reads the covering index (day, tenantId, usagePlanId, requests) only; SQLite is told so with INDEXED BY, because
 * after ANALYZE its planner prefers a skip-scan of (tenantId, day) that is 10–20× slower here. `c`: a transaction
 * to read in.
 */
export async function usageByTenantDay(month: string, tenantId?: string, c: Client = db) {
  const days = monthDays(month);
  const [lo, hi] = [days[0]!, days[days.length - 1]!];
  const out = new Map<string, Map<string, number>>();
  const add = (t: string | null, day: string, n: number) => {
    if (!t) return;
    const m = out.get(t) ?? new Map<string, number>();
    m.set(day, (m.get(day) ?? 0) + n);
    out.set(t, m);
  };
  if (tenantId) {
    const rows = await c.usageDaily.groupBy({
      by: ["day"],
      where: { tenantId, day: { gte: lo, lte: hi } },
      _sum: { requests: true },
    });
    for (const r of rows) add(tenantId, r.day, Number(r._sum.requests ?? 0));
    return out;
  }
  const hint = env.DATABASE_URL.startsWith("file:")
    ? Prisma.raw('INDEXED BY "usage_daily_day_tenantId_usagePlanId_requests_idx"')
    : Prisma.empty;
  const rows = await c.$queryRaw<{ tenantId: string | null; day: string; requests: bigint | number }[]>(
    Prisma.sql`SELECT "tenantId", "day", SUM("requests") AS "requests" FROM "usage_daily" ${hint}
      WHERE "day" >= ${lo} AND "day" <= ${hi} AND "tenantId" IS NOT NULL GROUP BY "day", "tenantId"`,
  );
  for (const r of rows) add(r.tenantId, r.day, Number(r.requests));
  return out;
}

/** A tenant's finalized invoices of months [from, before), oldest first, with their lines' kinds and amounts. */
export async function finalizedInvoices(c: Client, tenantId: string, from: string, before: string) {
  return c.invoice.findMany({
    where: { tenantId, status: "FINALIZED", month: { lt: before, gte: from } },
    include: { lines: { select: { kind: true, amountMinor: true } } },
    orderBy: { month: "asc" },
  });
}

/** Adjustment lines on live (not void) invoices that carry late usage of `invoiceId`, but `excludeInvoiceId`'s. */
export async function carriedLines(c: Client, invoiceId: string, excludeInvoiceId: string | null) {
  return c.invoiceLine.findMany({
    where: {
      adjustsInvoiceId: invoiceId,
      invoice: { status: { not: "VOID" }, ...(excludeInvoiceId ? { id: { not: excludeInvoiceId } } : {}) },
    },
    select: { quantity: true, amountMinor: true },
  });
}

/** The draft or finalized invoice of each of `tenantIds` for `month`. */
export async function liveInvoices(month: string, tenantIds: string[]) {
  return db.invoice.findMany({
    where: { month, tenantId: { in: tenantIds }, status: { in: ["DRAFT", "FINALIZED"] } },
    select: { id: true, tenantId: true, status: true },
  });
}

/** Which of `tenantIds` have a finalized invoice of months [from, before). */
export async function tenantsWithFinalized(tenantIds: string[], from: string, before: string) {
  const rows = await db.invoice.findMany({
    where: { tenantId: { in: tenantIds }, status: "FINALIZED", month: { lt: before, gte: from } },
    select: { tenantId: true },
    distinct: ["tenantId"],
  });
  return new Set(rows.map((r) => r.tenantId));
}

export type DraftLine = PricedLine & { adjustsInvoiceId?: string };

/** Replaces a draft's lines (or creates the draft) within `tx`; returns its id. */
export async function writeDraft(
  tx: Tx,
  d: { tenantId: string; month: string; draftId: string | null; reissueOfId?: string; currency: string },
  lines: DraftLine[],
  requests: number,
): Promise<string> {
  const total = lines.reduce((s, l) => s + l.amountMinor, 0n);
  const fields = { currency: d.currency, requests: BigInt(requests), totalMinor: total };
  let id = d.draftId;
  if (id) {
    await tx.invoiceLine.deleteMany({ where: { invoiceId: id } });
    await tx.invoice.update({ where: { id }, data: fields });
  } else {
    const inv = await tx.invoice.create({
      data: {
        tenantId: d.tenantId,
        month: d.month,
        activeKey: `${d.tenantId}:${d.month}`,
        reissueOfId: d.reissueOfId ?? null,
        ...fields,
      },
    });
    id = inv.id;
  }
  const invoiceId = id;
  await tx.invoiceLine.createMany({
    data: lines.map((l, i) => ({
      invoiceId,
      position: i,
      kind: l.kind,
      description: l.description,
      quantity: BigInt(l.quantity),
      unitPriceMinor: BigInt(l.unitPriceMinor),
      amountMinor: l.amountMinor,
      versionId: l.versionId,
      periodFrom: l.periodFrom,
      periodTo: l.periodTo,
      adjustsInvoiceId: l.adjustsInvoiceId ?? null,
    })),
  });
  return invoiceId;
}

/** The invoice to change, read inside the change's transaction. */
export async function invoiceForChange(tx: Tx, id: string) {
  const inv = await tx.invoice.findUnique({ where: { id } });
  if (!inv) throw notFound("Invoice");
  return inv;
}

/** The tenant's draft or finalized invoice of `month`, if any (at most one: activeKey is unique). */
export async function activeInvoice(tx: Tx, tenantId: string, month: string) {
  return tx.invoice.findUnique({ where: { activeKey: `${tenantId}:${month}` } });
}

/** The next number of `year`'s counter (1, 2, …), taken within `tx`. */
export async function takeInvoiceNumber(tx: Tx, year: number): Promise<number> {
  const counter = await tx.invoiceCounter.upsert({
    where: { year },
    create: { year, last: 1 },
    update: { last: { increment: 1 } },
  });
  return counter.last;
}

export async function markFinalized(tx: Tx, id: string, number: string, at: Date) {
  // The printed invoice's issuer, due day and tax are fixed now, like its lines (lib/billing/issuer.ts).
  const issuer = await getIssuerSettings(tx);
  const { totalMinor } = await tx.invoice.findUniqueOrThrow({ where: { id }, select: { totalMinor: true } });
  await tx.invoice.update({
    where: { id },
    data: {
      status: "FINALIZED",
      number,
      finalizedAt: at,
      dueOn: dueDay(at, issuer.paymentTermsDays),
      taxMinor: taxMinor(totalMinor, issuer.taxRateBp),
      issuer: toJson(issuer),
    },
  });
}

export async function markVoid(tx: Tx, id: string, reason: string, at: Date) {
  await tx.invoice.update({
    where: { id },
    data: { status: "VOID", voidedAt: at, voidReason: reason, activeKey: null },
  });
}
