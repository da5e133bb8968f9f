import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { conflict, invalid, notFound } from "@/lib/errors";
import { db } from "./client";

/**
 * Marks a finalized invoice paid on a UTC day. The invoice row itself never changes (it is immutable once
 * finalized, in the data layer and by database triggers); the payment is its own row, one per invoice.
 */
export async function markInvoicePaid(
  actor: Actor,
  input: { invoiceId: string; paidOn: string; note: string | null },
): Promise<{ number: string | null; paidOn: string }> {
  assertCan(actor, "finance.manage");
  const inv = await db.invoice.findUnique({
    where: { id: input.invoiceId },
    select: { status: true, number: true, finalizedAt: true, payment: { select: { paidOn: true } } },
  });
  if (!inv) throw notFound("Invoice");
  if (inv.status !== "FINALIZED")
    throw invalid(
      inv.status === "VOID"
        ? "A void invoice is not owed, so it cannot be paid."
        : "Finalize the invoice first.",
    );
  if (inv.payment) throw conflict(`Invoice ${inv.number} is already marked paid (on ${inv.payment.paidOn}).`);
  if (inv.finalizedAt && input.paidOn < inv.finalizedAt.toISOString().slice(0, 10))
    throw invalid("The payment day is before the invoice was issued.", "paidOn");
  await db.invoicePayment
    .create({
      data: { invoiceId: input.invoiceId, paidOn: input.paidOn, note: input.note, recordedById: actor.id },
    })
    .catch((e: unknown) => {
      if ((e as { code?: unknown }).code === "P2002")
        throw conflict(`Invoice ${inv.number} is already marked paid.`);
      throw e;
    });
  return { number: inv.number, paidOn: input.paidOn };
}

/** Undoes a "mark paid" (a payment recorded by mistake); the audit trail keeps both steps. */
export async function markInvoiceUnpaid(actor: Actor, invoiceId: string): Promise<{ paidOn: string }> {
  assertCan(actor, "finance.manage");
  const p = await db.invoicePayment.findUnique({ where: { invoiceId } });
  if (!p) throw notFound("Payment of this invoice");
  await db.invoicePayment.delete({ where: { invoiceId } });
  return { paidOn: p.paidOn };
}
