import "server-only";
import { randomUUID } from "node:crypto";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { getGraceDays } from "@/lib/db/finance-settings";
import { addMonths, currentMonth, finalizeInvoices, generateInvoices } from "@/lib/db/invoice-run";
import { releaseLease, tryAcquireLease } from "@/lib/db/leases";
import { log } from "@/lib/log";

export const FINALIZE_JOB_NAME = "finance.finalize-invoices";

/** The first instant at which a draft of `month` is due: the start of the next month plus the grace days. */
export function dueAt(month: string, graceDays: number): Date {
  const next = addMonths(month, 1);
  return new Date(Date.parse(`${next}-01T00:00:00Z`) + graceDays * 86_400_000);
}

/**
 * The monthly invoice job. (1) Creates last month's missing drafts (finance can re-price drafts any time with
 * "Generate" or "Recalculate" while the grace period lets late usage arrive); (2) finalizes every draft whose grace
 * period is over — finalizing re-prices it from the usage synced by then. Runs under a database lease so only one replica does it; returns what it did.
 */
export async function finalizeDueInvoices(
  now = new Date(),
  holder = randomUUID(),
): Promise<{ ran: boolean; generated: number; finalized: string[]; failed: number }> {
  if (!(await tryAcquireLease(FINALIZE_JOB_NAME, holder, 10 * 60_000, now)))
    return { ran: false, generated: 0, finalized: [], failed: 0 };
  try {
    const grace = await getGraceDays();
    const last = addMonths(currentMonth(now), -1);
    // Missing drafts are created; existing ones are re-priced when finalized (and by finance on demand).
    const gen = await generateInvoices(SYSTEM_ACTOR, last, now, { onlyMissing: true });
    const drafts = await db.invoice.findMany({
      where: { status: "DRAFT", month: { lt: currentMonth(now) } },
      select: { id: true, month: true },
      orderBy: [{ month: "asc" }, { createdAt: "asc" }],
    });
    const due = drafts.filter((d) => now >= dueAt(d.month, grace)).map((d) => d.id);
    const { numbers: finalized, failed } = await finalizeInvoices(SYSTEM_ACTOR, due, now);
    // The next run retries failures; one bad draft does not stop the others.
    for (const f of failed) log.error({ err: f.error, invoiceId: f.id }, "finalizing invoice failed");
    return { ran: true, generated: gen.created + gen.updated, finalized, failed: failed.length };
  } finally {
    await releaseLease(FINALIZE_JOB_NAME, holder);
  }
}
