"use client";
import { Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { addPlanVersionAction } from "@/lib/actions/add-plan-version";
import { createPricePlanAction } from "@/lib/actions/create-price-plan";
import { PlanPreview } from "./plan-preview";

type TierRow = { upTo: string; price: string };
export type TermsDefaults = {
  baseFee: string;
  includedRequests: string;
  minimumCharge: string;
  tierMode: "GRADUATED" | "VOLUME";
  tiers: TierRow[];
};
const EMPTY: TermsDefaults = {
  baseFee: "0",
  includedRequests: "0",
  minimumCharge: "0",
  tierMode: "GRADUATED",
  tiers: [
    { upTo: "1000000", price: "3.50" },
    { upTo: "", price: "2.80" },
  ],
};

/** Create a plan (no planId) or add a version to one: base fee, included requests, minimum and tiers. */
export function PlanTermsDialog({
  plan,
  defaults,
}: {
  plan?: { id: string; name: string; currency?: string };
  defaults?: TermsDefaults;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const [name, setName] = useState("");
  const [currency, setCurrency] = useState<"USD" | "EUR" | "GBP">("USD");
  // A new plan covers the whole current billing period (a UTC month) by default, so this month's invoice has no
  // unpriced days; a new version starts today (it must not re-price days already billed by the version before).
  const monthStart = new Date().toISOString().slice(0, 8) + "01";
  const [effectiveFrom, setEffectiveFrom] = useState(
    plan ? new Date().toISOString().slice(0, 10) : monthStart,
  );
  const uncovered =
    /^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom) && effectiveFrom > monthStart
      ? plan
        ? `${monthStart} to the day before stay on the plan's earlier version.`
        : `Not the whole billing period: ${monthStart} to the day before have no price from this plan and are billed at nothing unless another plan covers them.`
      : null;
  const [t, setT] = useState<TermsDefaults>(defaults ?? EMPTY);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const err = (k: string) => errors[k]?.[0];
  const setTier = (i: number, patch: Partial<TierRow>) =>
    setT((s) => ({ ...s, tiers: s.tiers.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const submit = () =>
    start(async () => {
      setErrors({});
      setFormError(null);
      const terms = { effectiveFrom, ...t };
      const res = plan
        ? await addPlanVersionAction({ planId: plan.id, ...terms })
        : await createPricePlanAction({ name, currency, ...terms });
      if (!res.ok) {
        setErrors(res.fieldErrors ?? {});
        setFormError(res.error);
        return;
      }
      toast.success(plan ? `New version of ${plan.name} saved.` : `Price plan ${name} created.`);
      setOpen(false);
      router.refresh();
    });
  const id = plan?.id ?? "new";
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        {plan ? (
          <Button variant="outline" size="sm">
            New version
          </Button>
        ) : (
          <Button>
            <Plus aria-hidden="true" /> New price plan
          </Button>
        )}
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl">
        <form
          noValidate
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <DialogHeader>
            <DialogTitle>{plan ? `New version of ${plan.name}` : "New price plan"}</DialogTitle>
            <DialogDescription>
              {plan
                ? "A change never edits the past: it takes effect from the day you choose, and invoices keep the version they were priced with. A mid-month change splits that month by days."
                : "What a tenant pays per month. Amounts in the plan's currency; tier prices are per million requests."}
            </DialogDescription>
          </DialogHeader>
          {formError ? <Alert variant="destructive">{formError}</Alert> : null}
          {plan ? null : (
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField label="Name" id={`plan-name-${id}`} error={err("name")}>
                <Input value={name} onChange={(e) => setName(e.target.value)} autoFocus />
              </FormField>
              <FormField label="Currency" id={`plan-currency-${id}`} error={err("currency")}>
                <Select
                  value={currency}
                  onChange={(e) => setCurrency(e.target.value as "USD" | "EUR" | "GBP")}
                  options={["USD", "EUR", "GBP"].map((c) => ({ value: c, label: c }))}
                />
              </FormField>
            </div>
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField
              label="Effective from (UTC day)"
              id={`plan-from-${id}`}
              error={err("effectiveFrom")}
              description={
                uncovered ?? "Covers the current billing period (this UTC month) from its first day."
              }
            >
              <Input type="date" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} />
            </FormField>
            <FormField label="Monthly base fee" id={`plan-base-${id}`} error={err("baseFee")}>
              <Input
                inputMode="decimal"
                value={t.baseFee}
                onChange={(e) => setT({ ...t, baseFee: e.target.value })}
              />
            </FormField>
            <FormField
              label="Included requests per month"
              id={`plan-included-${id}`}
              description="Free; counted before the tiers."
              error={err("includedRequests")}
            >
              <Input
                inputMode="numeric"
                value={t.includedRequests}
                onChange={(e) => setT({ ...t, includedRequests: e.target.value })}
              />
            </FormField>
            <FormField
              label="Minimum charge per month"
              id={`plan-min-${id}`}
              description="If the month costs less, the difference is added."
              error={err("minimumCharge")}
            >
              <Input
                inputMode="decimal"
                value={t.minimumCharge}
                onChange={(e) => setT({ ...t, minimumCharge: e.target.value })}
              />
            </FormField>
            <FormField
              label="Tier mode"
              id={`plan-mode-${id}`}
              description="Graduated: each request at its tier's price. Volume: all requests at the price of the tier the total reaches."
              error={err("tierMode")}
            >
              <Select
                value={t.tierMode}
                onChange={(e) => setT({ ...t, tierMode: e.target.value as TermsDefaults["tierMode"] })}
                options={[
                  { value: "GRADUATED", label: "Graduated" },
                  { value: "VOLUME", label: "Volume" },
                ]}
              />
            </FormField>
          </div>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">
              Tiers (billable requests, after the included ones)
            </legend>
            {t.tiers.map((row, i) => (
              <div key={i} className="flex items-end gap-2">
                <FormField
                  label={`Tier ${i + 1} up to (requests, empty = no limit)`}
                  id={`tier-up-${id}-${i}`}
                >
                  <Input
                    inputMode="numeric"
                    value={row.upTo}
                    onChange={(e) => setTier(i, { upTo: e.target.value })}
                  />
                </FormField>
                <FormField label={`Tier ${i + 1} price per million requests`} id={`tier-price-${id}-${i}`}>
                  <Input
                    inputMode="decimal"
                    value={row.price}
                    onChange={(e) => setTier(i, { price: e.target.value })}
                  />
                </FormField>
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  aria-label={`Remove tier ${i + 1}`}
                  disabled={t.tiers.length === 1}
                  onClick={() => setT({ ...t, tiers: t.tiers.filter((_, j) => j !== i) })}
                >
                  <Trash2 aria-hidden="true" />
                </Button>
              </div>
            ))}
            {err("tiers") ? (
              <p className="text-sm text-destructive" role="alert">
                {err("tiers")}
              </p>
            ) : null}
            <Button
              type="button"
              variant="secondary"
              size="sm"
              className="self-start"
              onClick={() => setT({ ...t, tiers: [...t.tiers, { upTo: "", price: "0" }] })}
            >
              Add tier
            </Button>
          </fieldset>
          <PlanPreview terms={t} currency={plan?.currency ?? currency} id={id} />
          <DialogFooter>
            <Button type="submit" loading={pending}>
              {plan ? "Save new version" : "Create price plan"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
