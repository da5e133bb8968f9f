"use client";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { P99_RATIO_NOISE_MS } from "@/lib/canary/analysis";
import type { WizardForm, WizardValues } from "./wizard-values";

type NumberField = {
  name: `gates.${keyof WizardValues["gates"]}` | "failureThreshold" | "evaluationSeconds";
  label: string;
  description: string;
};

const GATES: NumberField[] = [
  {
    name: "gates.max5xxPercent",
    label: "Maximum 5XX rate (%)",
    description: "The share of the canary's requests that may fail with a server error (a 5XX status).",
  },
  {
    name: "gates.max5xxIncreasePoints",
    label: "Maximum 5XX increase over the base (percentage points)",
    description: "How much higher than the base's 5XX rate the canary's may be: 0.5 allows 1 % → 1.5 %.",
  },
  {
    name: "gates.maxP99Ms",
    label: "Maximum p99 latency (ms)",
    description: "p99 is the time 99 % of requests stay under; the canary's must not exceed this.",
  },
  {
    name: "gates.maxP99Ratio",
    label: "Maximum p99 ratio to the base",
    description: `Canary p99 ÷ base p99; 1.5 means at most 50 % slower (differences under ${P99_RATIO_NOISE_MS} ms are ignored).`,
  },
  {
    name: "gates.minRequests",
    label: "Minimum requests",
    description: "With fewer canary requests than this there is not enough data to judge: the step waits.",
  },
];

const RUN: NumberField[] = [
  {
    name: "failureThreshold",
    label: "Failure threshold",
    description: "This many failed checks, over the whole rollout, roll it back on its own.",
  },
  {
    name: "evaluationSeconds",
    label: "Evaluation interval (seconds)",
    description:
      "How often the canary's metrics are checked. API Gateway's metrics are per minute; 60 suits AWS.",
  },
];

/** The gates (what a healthy canary looks like) and how the rollout runs. */
export function GatesFields({ form }: { form: WizardForm }) {
  const { errors } = form.formState;
  const error = (name: NumberField["name"]) =>
    name.startsWith("gates.")
      ? errors.gates?.[name.slice(6) as keyof WizardValues["gates"]]?.message
      : errors[name as "failureThreshold" | "evaluationSeconds"]?.message;
  const field = (f: NumberField) => (
    <FormField
      key={f.name}
      label={f.label}
      id={`rollout-${f.name.replace(".", "-")}`}
      description={f.description}
      error={error(f.name)}
    >
      <Input inputMode="decimal" {...form.register(f.name)} />
    </FormField>
  );
  return (
    <>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-medium">Gates</legend>
        <div className="grid gap-4 sm:grid-cols-2">{GATES.map(field)}</div>
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-medium">Running</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {RUN.map(field)}
          <FormField
            label="Webhook URL (optional)"
            id="rollout-webhook"
            description="Tollgate POSTs JSON here on start, each step, promotion and rollback."
            error={errors.webhookUrl?.message}
          >
            <Input type="url" placeholder="https://" {...form.register("webhookUrl")} />
          </FormField>
          <FormField
            label="Wait for manual approval before promoting"
            id="rollout-approval"
            orientation="horizontal"
            description="After the last step passes, an operator must approve before the canary serves everyone."
          >
            <Checkbox {...form.register("manualApproval")} />
          </FormField>
        </div>
      </fieldset>
    </>
  );
}
