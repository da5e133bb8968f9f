"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { updateIssuerSettingsAction } from "@/lib/actions/update-issuer-settings";

export type IssuerFormValues = {
  name: string;
  address: string;
  taxId: string;
  email: string;
  paymentTermsDays: string;
  taxRate: string;
};

/** Issuer details printed on invoices; each invoice keeps the details it was finalized with. */
export function IssuerSettingsForm({ initial, editable }: { initial: IssuerFormValues; editable: boolean }) {
  const router = useRouter();
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const field = (k: keyof IssuerFormValues) => ({
    value: v[k],
    disabled: !editable,
    onChange: (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value }),
  });
  return (
    <form
      noValidate
      className="grid gap-4 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          setErrors({});
          setFormError(null);
          const res = await updateIssuerSettingsAction(v);
          if (!res.ok) {
            setErrors(res.fieldErrors ?? {});
            setFormError(res.error);
            return;
          }
          toast.success("Issuer details saved. Invoices finalized from now on carry them.");
          router.refresh();
        });
      }}
    >
      {formError ? (
        <Alert variant="destructive" className="sm:col-span-2">
          {formError}
        </Alert>
      ) : null}
      <FormField label="Issuer (legal name)" id="issuer-name" error={errors.name?.[0]}>
        <Input {...field("name")} autoComplete="organization" />
      </FormField>
      <FormField label="Billing email" id="issuer-email" error={errors.email?.[0]}>
        <Input type="email" {...field("email")} />
      </FormField>
      <FormField
        label="Address"
        id="issuer-address"
        description="One line per line."
        error={errors.address?.[0]}
      >
        <Textarea rows={3} {...field("address")} />
      </FormField>
      <FormField label="Tax number (VAT ID)" id="issuer-tax-id" error={errors.taxId?.[0]}>
        <Input {...field("taxId")} />
      </FormField>
      <FormField
        label="Payment terms (days after the issue date)"
        id="issuer-terms"
        error={errors.paymentTermsDays?.[0]}
      >
        <Input inputMode="numeric" {...field("paymentTermsDays")} />
      </FormField>
      <FormField
        label="Tax rate (%)"
        id="issuer-tax"
        description="Added on the invoice total as its own line; 0 = no tax."
        error={errors.taxRate?.[0]}
      >
        <Input inputMode="decimal" {...field("taxRate")} />
      </FormField>
      {editable ? (
        <div className="sm:col-span-2">
          <Button type="submit" loading={pending}>
            Save issuer details
          </Button>
        </div>
      ) : null}
    </form>
  );
}
