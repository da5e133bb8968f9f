"use client";
import { Pencil, Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
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
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { createUsagePlanAction } from "@/lib/actions/create-usage-plan";
import { updateUsagePlanAction } from "@/lib/actions/update-usage-plan";
import type { PlanDto } from "@/lib/plans/loaders";
import { planSchema } from "@/lib/schemas/keys";

type Props = { stageOptions: { value: string; label: string }[]; plan?: PlanDto };

function defaults(plan?: PlanDto) {
  return {
    name: plan?.name ?? "",
    description: plan?.description ?? "",
    rateLimit: plan?.rateLimit ?? 10,
    burstLimit: plan?.burstLimit ?? 20,
    quotaLimit: plan?.quota?.limit ?? "",
    quotaPeriod: plan?.quota?.period ?? "MONTH",
    apiStages: plan?.apiStages.map((s) => `${s.apiId}:${s.stage}`) ?? [],
    methodThrottles:
      plan?.apiStages
        .flatMap((s) =>
          Object.entries(s.methodThrottles).map(
            ([m, t]) => `${s.apiId}:${s.stage} ${m} ${t.rateLimit} ${t.burstLimit}`,
          ),
        )
        .join("\n") ?? "",
  };
}

/** Create or edit a usage plan (limits, quota, API stages from a picker, optional per-method throttles). */
export function PlanDialog({ stageOptions, plan }: Props) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const { form, onSubmit, formError, pending } = useActionForm({
    schema: planSchema,
    action: async (v) => {
      if (!plan) return createUsagePlanAction(v);
      const res = await updateUsagePlanAction({ usagePlanId: plan.id, plan: v });
      if (res.ok || !res.fieldErrors) return res;
      return {
        ...res,
        fieldErrors: Object.fromEntries(
          Object.entries(res.fieldErrors).map(([k, m]) => [k.replace(/^plan\./, ""), m]),
        ),
      };
    },
    defaultValues: defaults(plan) as never,
    onSuccess: (p) => {
      toast.success(plan ? `Plan ${p.name} saved.` : `Plan ${p.name} created.`);
      if (!plan) form.reset();
      setOpen(false);
      router.refresh();
    },
  });
  const errors = form.formState.errors;
  const idp = plan ? `plan-${plan.id}` : "plan-new";
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        {plan ? (
          <Button variant="ghost" size="sm" aria-label={`Edit plan ${plan.name}`}>
            <Pencil aria-hidden="true" /> Edit
          </Button>
        ) : (
          <Button>
            <Plus aria-hidden="true" /> New plan
          </Button>
        )}
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-xl">
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          <DialogHeader>
            <DialogTitle>{plan ? `Edit ${plan.name}` : "New usage plan"}</DialogTitle>
            <DialogDescription>
              AWS allows one change to a usage plan every 20 seconds; Tollgate tells you the wait if you hit
              it.
            </DialogDescription>
          </DialogHeader>
          {formError ? <Alert variant="destructive">{formError}</Alert> : null}
          <FormField label="Name" id={`${idp}-name`} error={errors.name?.message}>
            <Input autoFocus {...form.register("name")} />
          </FormField>
          <FormField label="Description" id={`${idp}-desc`} error={errors.description?.message}>
            <Input {...form.register("description")} />
          </FormField>
          <div className="grid grid-cols-2 gap-3">
            <FormField
              label="Rate (requests/second)"
              id={`${idp}-rate`}
              description="The steady rate each key may call at."
              error={errors.rateLimit?.message}
            >
              <Input inputMode="numeric" {...form.register("rateLimit")} />
            </FormField>
            <FormField
              label="Burst"
              id={`${idp}-burst`}
              description="How many requests may arrive at once."
              error={errors.burstLimit?.message}
            >
              <Input inputMode="numeric" {...form.register("burstLimit")} />
            </FormField>
            <FormField
              label="Quota (requests)"
              id={`${idp}-quota`}
              description="Empty or 0 = no quota."
              error={errors.quotaLimit?.message}
            >
              <Input inputMode="numeric" {...form.register("quotaLimit")} />
            </FormField>
            <FormField label="Quota period" id={`${idp}-period`} error={errors.quotaPeriod?.message}>
              <Select
                {...form.register("quotaPeriod")}
                options={[
                  { value: "DAY", label: "Per day" },
                  { value: "WEEK", label: "Per week" },
                  { value: "MONTH", label: "Per month" },
                ]}
              />
            </FormField>
          </div>
          <fieldset className="grid gap-1 text-sm">
            <legend className="mb-1 font-medium">API stages</legend>
            <p className="text-xs text-muted-foreground">
              A stage is a deployed version of an API (for example prod). A key may be in only one plan per
              stage.
            </p>
            {stageOptions.length === 0 ? (
              <p className="text-muted-foreground">No REST API stages exist yet.</p>
            ) : null}
            {stageOptions.map((o) => (
              <label key={o.value} className="flex items-center gap-2">
                <input type="checkbox" value={o.value} {...form.register("apiStages")} /> {o.label}
              </label>
            ))}
            {errors.apiStages ? (
              <p className="text-destructive">
                {String(errors.apiStages.message ?? "Pick stages from the list.")}
              </p>
            ) : null}
          </fieldset>
          <FormField
            label="Per-method throttles (optional)"
            id={`${idp}-methods`}
            description='One per line: "apiId:stage /resource/METHOD rate burst", e.g. "abc123:prod /payments/POST 5 10".'
            error={errors.methodThrottles?.message}
          >
            <Textarea rows={3} {...form.register("methodThrottles")} />
          </FormField>
          <DialogFooter>
            <Button type="submit" loading={pending}>
              {plan ? "Save plan" : "Create plan"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
