import "server-only";
import { dueDay, taxMinor } from "@/lib/billing/issuer";
import { getIssuerSettings } from "./finance-settings";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { addMonths, currentMonth } from "@/lib/billing/months";
import { monthDays, priceMonth, type PlanTerms, type PricedLine } from "@/lib/billing/pricing";
import { conflict, invalid, notFound } from "@/lib/errors";
import { env } from "@/lib/env";
import { db, Prisma, type Tx } from "./client";
import { loadTermsResolver, tenantsWithPlans } from "./price-plans";

/**
 * Invoice lifecycle: generate drafts from synced usage (UsageDaily, all of a tenant's keys), finalize (numbered per
 * year, then immutable — also enforced by database triggers), void with a reason, reissue as a new draft.
 * Reconciliation: a finalized invoice's period is re-priced from current usage; a difference (late data) becomes an
 * ADJUSTMENT line on the tenant's next invoice.
 */

type Client = Tx | typeof db;
type Resolver = (tenantId: string) => (day: string) => PlanTerms | null;
export const ADJUSTMENT_LOOKBACK_MONTHS = 12;

/**
 * Requests per tenant and day of `month`, summed over all of the tenant's keys and usage plans. For a whole month it
 * reads the covering index (day, tenantId, usagePlanId, requests) only; SQLite is told so with INDEXED BY, because
 * after ANALYZE its planner prefers a skip-scan of (tenantId, day) that is 10–20× slower here.
 */
export async function usageByTenantDay(c: Client, month: string, tenantId?: string) {
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

type DraftLine = PricedLine & { adjustsInvoiceId?: string };

/** Late usage on the tenant's finalized invoices before `month`, as adjustment lines for its next invoice. */
async function adjustmentLines(
  c: Client,
  tenantId: string,
  month: string,
  resolver: Resolver,
  excludeInvoiceId: string | null,
): Promise<DraftLine[]> {
  const finalized = await c.invoice.findMany({
    where: {
      tenantId,
      status: "FINALIZED",
      month: { lt: month, gte: addMonths(month, -ADJUSTMENT_LOOKBACK_MONTHS) },
    },
    include: { lines: { select: { kind: true, amountMinor: true } } },
    orderBy: { month: "asc" },
  });
  const out: DraftLine[] = [];
  for (const inv of finalized) {
    const carried = await c.invoiceLine.findMany({
      where: {
        adjustsInvoiceId: inv.id,
        invoice: { status: { not: "VOID" }, ...(excludeInvoiceId ? { id: { not: excludeInvoiceId } } : {}) },
      },
      select: { quantity: true, amountMinor: true },
    });
    const billedRequests = inv.requests + carried.reduce((s, l) => s + l.quantity, 0n);
    const periodAmount = inv.lines
      .filter((l) => l.kind !== "ADJUSTMENT")
      .reduce((s, l) => s + l.amountMinor, 0n);
    const billedAmount = periodAmount + carried.reduce((s, l) => s + l.amountMinor, 0n);
    const usage = (await usageByTenantDay(c, inv.month, tenantId)).get(tenantId) ?? new Map<string, number>();
    const now = priceMonth(inv.month, usage, resolver(tenantId));
    const delta = BigInt(now.requests) - billedRequests;
    if (delta === 0n) continue;
    const days = monthDays(inv.month);
    out.push({
      kind: "ADJUSTMENT",
      description: `Late usage for ${inv.number ?? inv.month} (${inv.month}): ${delta > 0n ? "+" : ""}${delta.toLocaleString("en-US")} requests, re-priced`,
      quantity: Number(delta),
      unitPriceMinor: 0,
      amountMinor: now.totalMinor - billedAmount,
      versionId: null,
      periodFrom: days[0]!,
      periodTo: days[days.length - 1]!,
      adjustsInvoiceId: inv.id,
    });
  }
  return out;
}

async function priceTenant(
  c: Client,
  tenantId: string,
  month: string,
  resolver: Resolver,
  usage?: Map<string, number>,
) {
  const u = usage ?? (await usageByTenantDay(c, month, tenantId)).get(tenantId) ?? new Map<string, number>();
  return priceMonth(month, u, resolver(tenantId));
}

/** Replace a draft's lines (or create the draft) in one transaction. */
async function writeDraft(
  tx: Tx,
  d: { tenantId: string; month: string; draftId: string | null; reissueOfId?: string; currency: string },
  priced: { lines: PricedLine[]; requests: number },
  adjustments: DraftLine[],
): Promise<string> {
  const lines: DraftLine[] = [...priced.lines, ...adjustments];
  const total = lines.reduce((s, l) => s + l.amountMinor, 0n);
  const fields = { currency: d.currency, requests: BigInt(priced.requests), totalMinor: total };
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

function assertCompleteMonth(month: string, now: Date) {
  if (month >= currentMonth(now))
    throw invalid(`Invoices are for complete months; ${month} is not over yet.`, "month");
}

export type GenerateResult = { month: string; created: number; updated: number; alreadyFinalized: number };

/** Drafts for every tenant with a plan or usage in `month`; existing drafts are re-priced, finalized ones kept. */
export async function generateInvoices(
  actor: Actor,
  month: string,
  now = new Date(),
  opts: { onlyMissing?: boolean } = {},
): Promise<GenerateResult> {
  assertCan(actor, "finance.manage");
  assertCompleteMonth(month, now);
  const [resolver, usage, planned] = await Promise.all([
    loadTermsResolver(),
    usageByTenantDay(db, month),
    tenantsWithPlans(),
  ]);
  const tenantIds = [...new Set([...planned, ...usage.keys()])];
  const live = await db.invoice.findMany({
    where: { month, tenantId: { in: tenantIds }, status: { in: ["DRAFT", "FINALIZED"] } },
    select: { id: true, tenantId: true, status: true },
  });
  const liveBy = new Map(live.map((l) => [l.tenantId, l]));
  // Only tenants with an earlier finalized invoice can need an adjustment line; look them up once.
  const withHistory = new Set(
    (
      await db.invoice.findMany({
        where: {
          tenantId: { in: tenantIds },
          status: "FINALIZED",
          month: { lt: month, gte: addMonths(month, -ADJUSTMENT_LOOKBACK_MONTHS) },
        },
        select: { tenantId: true },
        distinct: ["tenantId"],
      })
    ).map((r) => r.tenantId),
  );
  const result: GenerateResult = { month, created: 0, updated: 0, alreadyFinalized: 0 };
  const lastDay = monthDays(month).at(-1)!;
  const todo: { tenantId: string; draftId: string | null; priced: ReturnType<typeof priceMonth> }[] = [];
  for (const tenantId of tenantIds) {
    const existing = liveBy.get(tenantId);
    if (existing?.status === "FINALIZED") {
      result.alreadyFinalized += 1;
      continue;
    }
    if (existing && opts.onlyMissing) continue;
    const priced = await priceTenant(db, tenantId, month, resolver, usage.get(tenantId) ?? new Map());
    if (priced.lines.length === 0) continue;
    todo.push({ tenantId, draftId: existing?.id ?? null, priced });
  }
  // A few tenants per transaction: one commit per tenant dominates the run time on SQLite.
  for (let i = 0; i < todo.length; i += BATCH) {
    await db.$transaction(
      async (tx) => {
        for (const t of todo.slice(i, i + BATCH)) {
          const currency = resolver(t.tenantId)(lastDay)?.currency ?? "USD";
          const adj = withHistory.has(t.tenantId)
            ? await adjustmentLines(tx, t.tenantId, month, resolver, t.draftId)
            : [];
          await writeDraft(tx, { tenantId: t.tenantId, month, draftId: t.draftId, currency }, t.priced, adj);
          result[t.draftId ? "updated" : "created"] += 1;
        }
      },
      { timeout: 60_000 },
    );
  }
  return result;
}

const BATCH = 25;

const immutable = (number: string | null) =>
  conflict(
    `Invoice ${number ?? ""} is finalized and cannot be changed. Void it with a reason and reissue it to correct it.`.replace(
      "  ",
      " ",
    ),
  );

async function loadForChange(tx: Tx, id: string) {
  const inv = await tx.invoice.findUnique({ where: { id } });
  if (!inv) throw notFound("Invoice");
  return inv;
}

/** Re-price a draft from the usage synced so far. Finalized and void invoices are refused. */
export async function recalculateInvoice(actor: Actor, id: string): Promise<{ number: string | null }> {
  assertCan(actor, "finance.manage");
  const resolver = await loadTermsResolver();
  return db.$transaction(async (tx) => {
    const inv = await loadForChange(tx, id);
    if (inv.status === "FINALIZED") throw immutable(inv.number);
    if (inv.status === "VOID")
      throw conflict("This invoice is void and cannot be changed. Reissue it instead.");
    const priced = await priceTenant(tx, inv.tenantId, inv.month, resolver);
    const adj = await adjustmentLines(tx, inv.tenantId, inv.month, resolver, inv.id);
    await writeDraft(
      tx,
      { tenantId: inv.tenantId, month: inv.month, draftId: inv.id, currency: inv.currency },
      priced,
      adj,
    );
    return { number: inv.number };
  });
}

async function finalizeIn(tx: Tx, id: string, resolver: Resolver, now: Date): Promise<string> {
  const inv = await loadForChange(tx, id);
  if (inv.status === "FINALIZED") throw conflict(`Invoice ${inv.number} is already finalized.`);
  if (inv.status === "VOID") throw conflict("This invoice is void. Reissue it to bill the period again.");
  assertCompleteMonth(inv.month, now);
  const priced = await priceTenant(tx, inv.tenantId, inv.month, resolver);
  const adj = await adjustmentLines(tx, inv.tenantId, inv.month, resolver, inv.id);
  await writeDraft(
    tx,
    { tenantId: inv.tenantId, month: inv.month, draftId: inv.id, currency: inv.currency },
    priced,
    adj,
  );
  const year = now.getUTCFullYear();
  const counter = await tx.invoiceCounter.upsert({
    where: { year },
    create: { year, last: 1 },
    update: { last: { increment: 1 } },
  });
  const number = `INV-${year}-${String(counter.last).padStart(6, "0")}`;
  // The printed invoice's issuer, due day and tax are fixed now, like its lines (lib/billing/issuer.ts).
  const issuer = await getIssuerSettings(tx);
  const { totalMinor } = await tx.invoice.findUniqueOrThrow({ where: { id }, select: { totalMinor: true } });
  await tx.invoice.update({
    where: { id },
    data: {
      status: "FINALIZED",
      number,
      finalizedAt: now,
      dueOn: dueDay(now, issuer.paymentTermsDays),
      taxMinor: taxMinor(totalMinor, issuer.taxRateBp),
      issuer: JSON.stringify(issuer),
    },
  });
  return number;
}

/** Re-prices the draft from current usage, then numbers it (INV-YYYY-NNNNNN, per year of finalization). */
export async function finalizeInvoice(
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<{ number: string }> {
  assertCan(actor, "finance.manage");
  const resolver = await loadTermsResolver();
  return { number: await db.$transaction((tx) => finalizeIn(tx, id, resolver, now)) };
}

/**
 * Finalizes many drafts (the monthly job), a batch per transaction. If a batch fails, its drafts are retried one by
 * one so a single bad draft does not hold back the others; the failures are returned.
 */
export async function finalizeInvoices(
  actor: Actor,
  ids: string[],
  now = new Date(),
): Promise<{ numbers: string[]; failed: { id: string; error: unknown }[] }> {
  assertCan(actor, "finance.manage");
  const resolver = await loadTermsResolver();
  const numbers: string[] = [];
  const failed: { id: string; error: unknown }[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    try {
      const got = await db.$transaction(
        async (tx) => {
          const out: string[] = [];
          for (const id of batch) out.push(await finalizeIn(tx, id, resolver, now));
          return out;
        },
        { timeout: 60_000 },
      );
      numbers.push(...got);
    } catch {
      for (const id of batch) {
        try {
          numbers.push(await db.$transaction((tx) => finalizeIn(tx, id, resolver, now)));
        } catch (error) {
          failed.push({ id, error });
        }
      }
    }
  }
  return { numbers, failed };
}

export async function voidInvoice(actor: Actor, id: string, reason: string, now = new Date()) {
  assertCan(actor, "finance.manage");
  return db.$transaction(async (tx) => {
    const inv = await loadForChange(tx, id);
    if (inv.status === "DRAFT")
      throw conflict("Only finalized invoices are voided. A draft can simply be recalculated.");
    if (inv.status === "VOID") throw conflict(`Invoice ${inv.number} is already void.`);
    await tx.invoice.update({
      where: { id },
      data: { status: "VOID", voidedAt: now, voidReason: reason, activeKey: null },
    });
    return { number: inv.number };
  });
}

/** A void invoice's period billed again: a new draft from current usage, linked to the one it replaces. */
export async function reissueInvoice(actor: Actor, id: string): Promise<{ id: string }> {
  assertCan(actor, "finance.manage");
  const resolver = await loadTermsResolver();
  return db.$transaction(async (tx) => {
    const inv = await loadForChange(tx, id);
    if (inv.status !== "VOID")
      throw conflict("Only a void invoice can be reissued. Void it first, with a reason.");
    const live = await tx.invoice.findUnique({ where: { activeKey: `${inv.tenantId}:${inv.month}` } });
    if (live)
      throw conflict(
        `This tenant already has ${live.number ? `invoice ${live.number}` : "a draft"} for ${inv.month}; open that one instead.`,
      );
    const priced = await priceTenant(tx, inv.tenantId, inv.month, resolver);
    const adj = await adjustmentLines(tx, inv.tenantId, inv.month, resolver, null);
    const newId = await writeDraft(
      tx,
      {
        tenantId: inv.tenantId,
        month: inv.month,
        draftId: null,
        reissueOfId: inv.id,
        currency: inv.currency,
      },
      priced,
      adj,
    );
    return { id: newId };
  });
}
