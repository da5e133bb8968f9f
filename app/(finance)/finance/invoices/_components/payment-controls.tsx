"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { markInvoicePaidAction } from "@/lib/actions/mark-invoice-paid";
import { markInvoiceUnpaidAction } from "@/lib/actions/mark-invoice-unpaid";

/**
 * Paid / unpaid for a finalized invoice. The invoice itself stays as it is (finalized invoices are immutable); the
 * payment is recorded beside it and audited. Undo exists for a payment recorded by mistake.
 */
export function PaymentControls({
  invoice,
}: {
  invoice: { id: string; number: string | null; paidOn: string | null; finalizedAt: string | null };
}) {
  const router = useRouter();
  const [paidOn, setPaidOn] = useState(new Date().toISOString().slice(0, 10));
  const [note, setNote] = useState("");
  if (invoice.paidOn)
    return (
      <ConfirmDialog
        trigger={
          <Button variant="outline" aria-label={`Mark ${invoice.number} unpaid`}>
            Mark unpaid
          </Button>
        }
        title={`Mark ${invoice.number} unpaid?`}
        description={`Removes the payment recorded for ${invoice.paidOn}; the invoice shows as unpaid again, to finance and to the partner. The audit trail keeps both steps.`}
        confirmLabel="Mark unpaid"
        destructive
        onConfirm={async () => {
          const res = await markInvoiceUnpaidAction({ invoiceId: invoice.id });
          if (!res.ok) return void toast.error(res.error);
          toast.success(`${invoice.number} is unpaid again.`);
          router.refresh();
        }}
      />
    );
  return (
    <ConfirmDialog
      trigger={<Button>Mark paid…</Button>}
      title={`Mark ${invoice.number} paid`}
      description="Records the day the payment arrived. The partner sees the invoice as paid. The invoice's amounts do not change."
      confirmLabel="Mark paid"
      onConfirm={async () => {
        const res = await markInvoicePaidAction({ invoiceId: invoice.id, paidOn, note });
        if (!res.ok) return void toast.error(res.fieldErrors?.paidOn?.[0] ?? res.error);
        toast.success(`${invoice.number} marked paid on ${res.data.paidOn}.`);
        router.refresh();
      }}
    >
      <div className="flex flex-col gap-3">
        <FormField label="Paid on (UTC day)" id={`paid-on-${invoice.id}`}>
          <Input type="date" value={paidOn} onChange={(e) => setPaidOn(e.target.value)} />
        </FormField>
        <FormField
          label="Note (optional)"
          id={`paid-note-${invoice.id}`}
          description="e.g. the bank reference"
        >
          <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} />
        </FormField>
      </div>
    </ConfirmDialog>
  );
}
