import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { addMonths, currentMonth } from "@/lib/billing/months";
import { monthDays, priceMonth, type PlanTerms } from "@/lib/billing/pricing";
import {
  activeInvoice,
  carriedLines,
  finalizedInvoices,
  invoiceForChange,
  invoiceTransaction,
  liveInvoices,
  markFinalized,
  markVoid,
  takeInvoiceNumber,
  tenantsWithFinalized,
  usageByTenantDay,
  writeDraft,
  type DraftLine,
  type InvoiceTx,
} from "@/lib/db/invoice-run";
import { loadTermsResolver, tenantsWithPlans } from "@/lib/db/price-plans";
import { conflict, invalid } from "@/lib/errors";

/**
 * Invoice lifecycle: generate drafts from synced usage (UsageDaily, all of a tenant's keys), finalize (numbered per
 * year, then immutable — also enforced by database triggers), void with a reason, reissue as a new draft.
 * Reconciliation: a finalized invoice's period is re-priced from current usage; a difference (late data) becomes an
 * ADJUSTMENT line on the tenant's next invoice. The queries and writes are lib/db/invoice-run.ts's. Callers: the
 * finance actions (finance.manage, re-checked here) and the monthly job (lib/invoices/finalize-due.ts).
 */

type Resolver = (tenantId: string) => (day: string) => PlanTerms | null;
export const ADJUSTMENT_LOOKBACK_MONTHS = 12;
/** Tenants per transaction: one commit per tenant dominates the run time on SQLite. */
const BATCH = 25;

/** Late usage on the tenant's finalized invoices before `month`, as adjustment lines for its next invoice. */
async function adjustmentLines(
  c: InvoiceTx,
  tenantId: string,
  month: string,
  resolver: Resolver,
  excludeInvoiceId: string | null,
): Promise<DraftLine[]> {
  const finalized = await finalizedInvoices(
    c,
    tenantId,
    addMonths(month, -ADJUSTMENT_LOOKBACK_MONTHS),
    month,
  );
  const out: DraftLine[] = [];
  for (const inv of finalized) {
    const carried = await carriedLines(c, inv.id, excludeInvoiceId);
    const billedRequests = inv.requests + carried.reduce((s, l) => s + l.quantity, 0n);
    const periodAmount = inv.lines
      .filter((l) => l.kind !== "ADJUSTMENT")
      .reduce((s, l) => s + l.amountMinor, 0n);
    const billedAmount = periodAmount + carried.reduce((s, l) => s + l.amountMinor, 0n);
    const usage = (await usageByTenantDay(inv.month, tenantId, c)).get(tenantId) ?? new Map<string, number>();
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
  c: InvoiceTx,
  tenantId: string,
  month: string,
  resolver: Resolver,
  usage?: Map<string, number>,
) {
  const u = usage ?? (await usageByTenantDay(month, tenantId, c)).get(tenantId) ?? new Map<string, number>();
  return priceMonth(month, u, resolver(tenantId));
}

/** Re-prices an invoice's period (and its adjustments) into its draft lines, within `tx`. */
async function repriceDraft(
  tx: InvoiceTx,
  inv: { id: string; tenantId: string; month: string; currency: string },
  resolver: Resolver,
) {
  const priced = await priceTenant(tx, inv.tenantId, inv.month, resolver);
  const adj = await adjustmentLines(tx, inv.tenantId, inv.month, resolver, inv.id);
  await writeDraft(
    tx,
    { tenantId: inv.tenantId, month: inv.month, draftId: inv.id, currency: inv.currency },
    [...priced.lines, ...adj],
    priced.requests,
  );
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
    usageByTenantDay(month),
    tenantsWithPlans(),
  ]);
  const tenantIds = [...new Set([...planned, ...usage.keys()])];
  const liveBy = new Map((await liveInvoices(month, tenantIds)).map((l) => [l.tenantId, l]));
  // Only tenants with an earlier finalized invoice can need an adjustment line; look them up once.
  const withHistory = await tenantsWithFinalized(
    tenantIds,
    addMonths(month, -ADJUSTMENT_LOOKBACK_MONTHS),
    month,
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
    const priced = priceMonth(month, usage.get(tenantId) ?? new Map(), resolver(tenantId));
    if (priced.lines.length === 0) continue;
    todo.push({ tenantId, draftId: existing?.id ?? null, priced });
  }
  for (let i = 0; i < todo.length; i += BATCH) {
    await invoiceTransaction(
      async (tx) => {
        for (const t of todo.slice(i, i + BATCH)) {
          const currency = resolver(t.tenantId)(lastDay)?.currency ?? "USD";
          const adj = withHistory.has(t.tenantId)
            ? await adjustmentLines(tx, t.tenantId, month, resolver, t.draftId)
            : [];
          await writeDraft(
            tx,
            { tenantId: t.tenantId, month, draftId: t.draftId, currency },
            [...t.priced.lines, ...adj],
            t.priced.requests,
          );
          result[t.draftId ? "updated" : "created"] += 1;
        }
      },
      { timeout: 60_000 },
    );
  }
  return result;
}

const immutable = (number: string | null) =>
  conflict(
    `Invoice ${number ?? ""} is finalized and cannot be changed. Void it with a reason and reissue it to correct it.`.replace(
      "  ",
      " ",
    ),
  );

/** Re-price a draft from the usage synced so far. Finalized and void invoices are refused. */
export async function recalculateInvoice(actor: Actor, id: string): Promise<{ number: string | null }> {
  assertCan(actor, "finance.manage");
  const resolver = await loadTermsResolver();
  return invoiceTransaction(async (tx) => {
    const inv = await invoiceForChange(tx, id);
    if (inv.status === "FINALIZED") throw immutable(inv.number);
    if (inv.status === "VOID")
      throw conflict("This invoice is void and cannot be changed. Reissue it instead.");
    await repriceDraft(tx, inv, resolver);
    return { number: inv.number };
  });
}

async function finalizeIn(tx: InvoiceTx, id: string, resolver: Resolver, now: Date): Promise<string> {
  const inv = await invoiceForChange(tx, id);
  if (inv.status === "FINALIZED") throw conflict(`Invoice ${inv.number} is already finalized.`);
  if (inv.status === "VOID") throw conflict("This invoice is void. Reissue it to bill the period again.");
  assertCompleteMonth(inv.month, now);
  await repriceDraft(tx, inv, resolver);
  const year = now.getUTCFullYear();
  const number = `INV-${year}-${String(await takeInvoiceNumber(tx, year)).padStart(6, "0")}`;
  await markFinalized(tx, id, number, now);
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
  return { number: await invoiceTransaction((tx) => finalizeIn(tx, id, resolver, now)) };
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
      const got = await invoiceTransaction(
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
          numbers.push(await invoiceTransaction((tx) => finalizeIn(tx, id, resolver, now)));
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
  return invoiceTransaction(async (tx) => {
    const inv = await invoiceForChange(tx, id);
    if (inv.status === "DRAFT")
      throw conflict("Only finalized invoices are voided. A draft can simply be recalculated.");
    if (inv.status === "VOID") throw conflict(`Invoice ${inv.number} is already void.`);
    await markVoid(tx, id, reason, now);
    return { number: inv.number };
  });
}

/** A void invoice's period billed again: a new draft from current usage, linked to the one it replaces. */
export async function reissueInvoice(actor: Actor, id: string): Promise<{ id: string }> {
  assertCan(actor, "finance.manage");
  const resolver = await loadTermsResolver();
  return invoiceTransaction(async (tx) => {
    const inv = await invoiceForChange(tx, id);
    if (inv.status !== "VOID")
      throw conflict("Only a void invoice can be reissued. Void it first, with a reason.");
    const live = await activeInvoice(tx, inv.tenantId, inv.month);
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
      [...priced.lines, ...adj],
      priced.requests,
    );
    return { id: newId };
  });
}
