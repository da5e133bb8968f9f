import "server-only";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { getGraceDays } from "@/lib/db/finance-settings";
import { listDraftsBefore } from "@/lib/db/invoices";
import { addMonths, currentMonth } from "@/lib/billing/months";
import { finalizeInvoices, generateInvoices } from "./commands";
import { shiftDays, startOfUtcMonth } from "@/lib/dates";
import { log } from "@/lib/log";

/** The first instant at which a draft of `month` is due: the start of the next month plus the grace days. */
export function dueAt(month: string, graceDays: number): Date {
  const next = addMonths(month, 1);
  return shiftDays(startOfUtcMonth(next), graceDays);
}

/**
 * The monthly invoice job's body (registered as "finance-invoices" in lib/jobs/scheduler.ts, whose lease — the only
 * one — keeps it to one replica at a time; tests call it directly). (1) Creates last month's missing drafts (finance
 * can re-price drafts any time with "Generate" or "Recalculate" while the grace period lets late usage arrive);
 * (2) finalizes every draft whose grace period is over — finalizing re-prices it from the usage synced by then.
 */
export async function finalizeDueInvoices(
  now = new Date(),
): Promise<{ generated: number; finalized: string[]; failed: number }> {
  const grace = await getGraceDays();
  const last = addMonths(currentMonth(now), -1);
  // Missing drafts are created; existing ones are re-priced when finalized (and by finance on demand).
  const gen = await generateInvoices(SYSTEM_ACTOR, last, now, { onlyMissing: true });
  const drafts = await listDraftsBefore(currentMonth(now));
  const due = drafts.filter((d) => now >= dueAt(d.month, grace)).map((d) => d.id);
  const { numbers: finalized, failed } = await finalizeInvoices(SYSTEM_ACTOR, due, now);
  // The next run retries failures; one bad draft does not stop the others.
  for (const f of failed) log.error({ err: f.error, invoiceId: f.id }, "finalizing invoice failed");
  return { generated: gen.created + gen.updated, finalized, failed: failed.length };
}
