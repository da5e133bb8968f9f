"use client";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { requestPlanChangeAction } from "@/lib/actions/request-plan-change";
import { requestPlanSchema } from "@/lib/schemas/plan-requests";

type Choice = { id: string; name: string; limits: string };

/** Ask for another usage plan: which plan, (when on several) which one it replaces, and why. */
export function PlanRequestForm({ choices, current }: { choices: Choice[]; current: Choice[] }) {
  const router = useRouter();
  const { form, onSubmit, formError, pending } = useActionForm({
    schema: requestPlanSchema,
    action: requestPlanChangeAction,
    defaultValues: { toPlanId: "", fromPlanId: "", message: "", notifyMe: true },
    onSuccess: () => {
      toast.success("Request sent. Your API provider has been told.");
      form.reset();
      router.refresh();
    },
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}
      <FormField label="Plan you would like" id="plan-request-to" error={errors.toPlanId?.message}>
        <Select
          {...form.register("toPlanId")}
          placeholder="Choose a plan"
          options={choices.map((c) => ({ value: c.id, label: `${c.name} — ${c.limits}` }))}
        />
      </FormField>
      {current.length > 1 ? (
        <FormField label="Instead of" id="plan-request-from" error={errors.fromPlanId?.message}>
          <Select
            {...form.register("fromPlanId")}
            placeholder="Choose the plan it replaces"
            options={current.map((c) => ({ value: c.id, label: c.name }))}
          />
        </FormField>
      ) : null}
      <FormField
        label="Message to your API provider"
        id="plan-request-message"
        description="Why you need the change, e.g. expected traffic. An operator reads it before deciding."
        error={errors.message?.message}
      >
        <Textarea rows={3} {...form.register("message")} />
      </FormField>
      <div className="flex items-center gap-2">
        <Checkbox id="plan-request-notify" {...form.register("notifyMe")} />
        <Label htmlFor="plan-request-notify">
          E-mail me when it is decided (turns on your “Plan request decided” alert)
        </Label>
      </div>
      <div>
        <Button type="submit" loading={pending}>
          Send request
        </Button>
      </div>
    </form>
  );
}
