"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { updateCostSettingsAction } from "@/lib/actions/update-cost-settings";

type Row = { upTo: string; price: string };

/** "333000000" → "333 million requests a month" (what a bare bound means), or null while it is not a whole number. */
function boundWords(upTo: string): string | null {
  if (upTo.trim() === "") return "no upper limit: every request above the previous tier";
  if (!/^\d+$/.test(upTo.trim())) return null;
  const n = BigInt(upTo.trim());
  const words = new Intl.NumberFormat("en-US", { notation: "compact", compactDisplay: "long" }).format(n);
  return `up to ${words} requests a month`;
}
export type CostForm = {
  apiType: "REST" | "HTTP";
  restTiers: Row[];
  httpTiers: Row[];
  cacheHourPrice: string;
  cacheHoursPerMonth: string;
};

function TierRows({
  title,
  rows,
  onChange,
  error,
}: {
  title: string;
  rows: Row[];
  onChange: (r: Row[]) => void;
  error?: string;
}) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">{title}</legend>
      {rows.map((r, i) => (
        <div key={i} className="flex gap-2">
          <FormField
            label={`Tier ${i + 1} up to (requests, empty = no limit)`}
            id={`${title}-up-${i}`}
            description={boundWords(r.upTo)}
          >
            <Input
              inputMode="numeric"
              value={r.upTo}
              onChange={(e) => onChange(rows.map((x, j) => (j === i ? { ...x, upTo: e.target.value } : x)))}
            />
          </FormField>
          <FormField
            label={`Tier ${i + 1} price (USD per million requests)`}
            id={`${title}-price-${i}`}
            description={
              /^\d+(\.\d{1,2})?$/.test(r.price.trim()) ? `$${r.price.trim()} per 1,000,000 requests` : null
            }
          >
            <Input
              inputMode="decimal"
              value={r.price}
              onChange={(e) => onChange(rows.map((x, j) => (j === i ? { ...x, price: e.target.value } : x)))}
            />
          </FormField>
        </div>
      ))}
      {error ? (
        <p className="text-sm text-destructive" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** API Gateway's prices as editable settings (each change is audited with the values before and after). */
export function CostSettingsForm({ initial, editable }: { initial: CostForm; editable: boolean }) {
  const router = useRouter();
  const [f, setF] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          setErrors({});
          setFormError(null);
          const res = await updateCostSettingsAction(f);
          if (!res.ok) {
            setErrors(res.fieldErrors ?? {});
            setFormError(res.error);
            return;
          }
          toast.success("Cost settings saved.");
          router.refresh();
        });
      }}
    >
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}
      <fieldset disabled={!editable} className="grid gap-6 lg:grid-cols-2">
        <TierRows
          title="REST API requests"
          rows={f.restTiers}
          onChange={(r) => setF({ ...f, restTiers: r })}
          error={errors.restTiers?.[0]}
        />
        <TierRows
          title="HTTP API requests"
          rows={f.httpTiers}
          onChange={(r) => setF({ ...f, httpTiers: r })}
          error={errors.httpTiers?.[0]}
        />
        <FormField
          label="Your APIs are"
          id="cost-api-type"
          description="REST APIs (v1) and HTTP APIs (v2) have different request prices."
        >
          <Select
            value={f.apiType}
            onChange={(e) => setF({ ...f, apiType: e.target.value as CostForm["apiType"] })}
            options={[
              { value: "REST", label: "REST APIs" },
              { value: "HTTP", label: "HTTP APIs" },
            ]}
          />
        </FormField>
        <FormField
          label="Cache price per hour"
          id="cost-cache-price"
          description="API caching is billed per hour by cache size; 0.5 GB is $0.020/h."
          error={errors.cacheHourPrice?.[0]}
        >
          <Input
            inputMode="decimal"
            value={f.cacheHourPrice}
            onChange={(e) => setF({ ...f, cacheHourPrice: e.target.value })}
          />
        </FormField>
        <FormField
          label="Cache hours per month"
          id="cost-cache-hours"
          description="0 when no stage has a cache; one cache all month is 720–744."
          error={errors.cacheHoursPerMonth?.[0]}
        >
          <Input
            inputMode="numeric"
            value={f.cacheHoursPerMonth}
            onChange={(e) => setF({ ...f, cacheHoursPerMonth: e.target.value })}
          />
        </FormField>
      </fieldset>
      {editable ? (
        <Button type="submit" loading={pending} className="self-start">
          Save cost settings
        </Button>
      ) : null}
    </form>
  );
}
