"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/auth/define-action";
import { finalizeInvoiceAction } from "@/lib/actions/finalize-invoice";
import { recalculateInvoiceAction } from "@/lib/actions/recalculate-invoice";
import { reissueInvoiceAction } from "@/lib/actions/reissue-invoice";
import { voidInvoiceAction } from "@/lib/actions/void-invoice";
import type { InvoiceStatus } from "@/lib/invoices/loaders";

type Props = {
  invoice: { id: string; status: InvoiceStatus; number: string | null; tenantName: string };
  /** The draft's "Requests on days without a price plan" lines: finalizing bills them at nothing. */
  unpriced?: readonly { periodFrom: string; periodTo: string; quantity: string }[];
};

const span = (l: { periodFrom: string; periodTo: string }) =>
  l.periodFrom === l.periodTo ? l.periodFrom : `${l.periodFrom} to ${l.periodTo}`;

/** Finance actions on one invoice. The server refuses what the state forbids; its message is shown as it is. */
export function InvoiceActions({ invoice, unpriced = [] }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const run = async <T,>(p: Promise<ActionResult<T>>, ok: (d: T) => string, after?: (d: T) => void) => {
    setError(null);
    const res = await p;
    if (!res.ok) {
      setError(res.error);
      toast.error(res.error);
      return;
    }
    toast.success(ok(res.data));
    after?.(res.data);
    router.refresh();
  };
  const label = invoice.number ?? `the draft for ${invoice.tenantName}`;
  return (
    <div className="flex flex-col gap-3 print:hidden">
      <div className="flex flex-wrap gap-2">
        {invoice.status === "DRAFT" ? (
          <Button
            variant="outline"
            onClick={() =>
              void run(
                recalculateInvoiceAction({ invoiceId: invoice.id }),
                () => "Recalculated from the synced usage.",
              )
            }
          >
            Recalculate from usage
          </Button>
        ) : null}
        {invoice.status === "FINALIZED" ? (
          <div className="flex flex-col gap-1">
            <Button variant="outline" disabled aria-describedby="recalculate-why">
              Recalculate from usage
            </Button>
            <p id="recalculate-why" className="max-w-xs text-xs text-muted-foreground">
              A finalized invoice never changes. To bill from newer usage, void it and reissue it; late usage
              otherwise shows up as an adjustment on the next invoice.
            </p>
          </div>
        ) : null}
        {invoice.status === "DRAFT" ? (
          <ConfirmDialog
            trigger={<Button>Finalize</Button>}
            title={`Finalize ${label}?`}
            description="It is re-priced from the usage synced so far, gets the next invoice number and can never be changed afterwards (only voided and reissued). The partner sees it from then on."
            confirmLabel={unpriced.length > 0 ? "Finalize with unpriced days" : "Finalize invoice"}
            destructive={unpriced.length > 0}
            onConfirm={() =>
              run(finalizeInvoiceAction({ invoiceId: invoice.id }), (d) => `Finalized as ${d.number}.`)
            }
          >
            {unpriced.length > 0 ? (
              <Alert variant="warning" title="Some days have no price plan">
                {unpriced
                  .map((l) => `${BigInt(l.quantity).toLocaleString("en-US")} requests on ${span(l)}`)
                  .join("; ")}{" "}
                are billed at nothing, and {invoice.tenantName} will see that line. Assign a price plan that
                covers those days (Price plans), recalculate, then finalize — or finalize anyway.
              </Alert>
            ) : null}
          </ConfirmDialog>
        ) : null}
        {invoice.status === "FINALIZED" ? (
          <ConfirmDialog
            trigger={<Button variant="destructive">Void…</Button>}
            title={`Void ${label}?`}
            description={`A void invoice stays on record with its number and your reason, and no longer counts. ${invoice.tenantName} sees the invoice marked void with your reason word for word, so write it for them. Reissue it afterwards to bill the period again.`}
            confirmLabel="Void invoice"
            destructive
            onConfirm={async () => {
              const trimmed = reason.trim();
              if (trimmed.length < 5) {
                setReasonError("Give a reason of at least 5 characters.");
                return false;
              }
              setReasonError(null);
              await run(
                voidInvoiceAction({ invoiceId: invoice.id, reason: trimmed }),
                () => `${label} is void.`,
              );
            }}
          >
            <FormField
              label="Reason"
              id="void-reason"
              description={`Shown to ${invoice.tenantName} exactly as written.`}
              error={reasonError ?? undefined}
            >
              <Textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
            </FormField>
          </ConfirmDialog>
        ) : null}
        {invoice.status === "VOID" ? (
          <ConfirmDialog
            trigger={<Button>Reissue</Button>}
            title={`Reissue ${label}?`}
            description="Creates a new draft for the same tenant and month, priced from the current usage and linked to this void invoice."
            confirmLabel="Reissue as a new draft"
            onConfirm={() =>
              run(
                reissueInvoiceAction({ invoiceId: invoice.id }),
                () => "Reissued as a new draft.",
                (d) => router.push(`/finance/invoices/${d.id}`),
              )
            }
          />
        ) : null}
      </div>
      {error ? (
        <Alert variant="destructive" title="Not done">
          {error}
        </Alert>
      ) : null}
    </div>
  );
}
