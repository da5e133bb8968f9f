"use client";
import { useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { formatMinor } from "@/lib/billing/money";
import { previewMonth, type TermsText } from "@/lib/billing/preview";

/**
 * Live preview of a sample month under the terms being typed, priced by the invoice pricing itself (a whole
 * 30-day month on one version). Recomputed on every keystroke; nothing is sent to the server.
 */
export function PlanPreview({ terms, currency, id }: { terms: TermsText; currency: string; id: string }) {
  const [requests, setRequests] = useState("2,500,000");
  const p = previewMonth(terms, currency, requests);
  return (
    <section
      aria-labelledby={`preview-${id}`}
      className="flex flex-col gap-2 rounded-md border bg-muted/40 p-3"
      data-testid="plan-preview"
    >
      <h3 id={`preview-${id}`} className="text-sm font-medium">
        Preview: a sample month
      </h3>
      <FormField label="Requests in the sample month" id={`preview-requests-${id}`}>
        <Input inputMode="numeric" value={requests} onChange={(e) => setRequests(e.target.value)} />
      </FormField>
      <div aria-live="polite" className="text-sm">
        {p.ok ? (
          <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
            {p.lines.map((l, i) => (
              <div key={i} className="contents">
                <dt className="text-muted-foreground">{l.description}</dt>
                <dd className="text-right tabular-nums">{formatMinor(l.amountMinor, currency)}</dd>
              </div>
            ))}
            <div className="contents font-semibold">
              <dt>Total for the month</dt>
              <dd className="text-right tabular-nums" data-testid="plan-preview-total">
                {formatMinor(p.totalMinor, currency)}
              </dd>
            </div>
          </dl>
        ) : (
          <p className="text-muted-foreground">{p.error}</p>
        )}
      </div>
    </section>
  );
}
