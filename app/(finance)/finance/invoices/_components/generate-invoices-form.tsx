"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { generateInvoicesAction } from "@/lib/actions/generate-invoices";

/** Picks a complete month (default: last month) and creates or re-prices its drafts. */
export function GenerateInvoicesForm({ months }: { months: string[] }) {
  const [month, setMonth] = useState(months[0] ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        start(async () => {
          const res = await generateInvoicesAction({ month });
          if (!res.ok) return setError(res.error);
          const r = res.data;
          toast.success(
            `${r.month}: ${r.created} new draft${r.created === 1 ? "" : "s"}, ${r.updated} re-priced, ${r.alreadyFinalized} already finalized.`,
          );
          router.push(`/finance/invoices?month=${r.month}`);
          router.refresh();
        });
      }}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="generate-month" className="text-sm font-medium">
          Month to invoice
        </label>
        <Select
          id="generate-month"
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          className="w-40"
          options={months.map((m) => ({ value: m, label: m }))}
        />
      </div>
      <Button type="submit" loading={pending}>
        Generate invoices
      </Button>
      {error ? (
        <Alert variant="destructive" className="w-full">
          {error}
        </Alert>
      ) : null}
    </form>
  );
}
