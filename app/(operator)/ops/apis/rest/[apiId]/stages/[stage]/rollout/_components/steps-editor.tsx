"use client";
import { Plus, Trash2 } from "lucide-react";
import { useFieldArray, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { MAX_ROLLOUT_STEPS } from "@/lib/schemas/rollouts";
import type { WizardForm } from "./wizard-values";

function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h ? `${h} h` : "", m ? `${m} min` : "", s || (!h && !m) ? `${s} s` : ""].filter(Boolean).join(" ");
}

/** Rows of "percent + hold seconds"; each step sends more traffic than the one before. */
export function StepsEditor({ form }: { form: WizardForm }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "steps" });
  const steps = useWatch({ control: form.control, name: "steps" });
  const errors = form.formState.errors.steps;
  const listError = errors?.root?.message ?? errors?.message;
  const totalHold = steps.reduce((a, s) => a + (Number(s.holdSeconds) || 0), 0);
  function addStep() {
    const last = Number(steps[steps.length - 1]?.percent ?? 0);
    append({ percent: Math.min(99, Math.max(1, Math.round(last ? last * 1.5 : 5))), holdSeconds: 300 });
  }
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-1 text-sm font-medium">Steps</legend>
      <p className="text-xs text-muted-foreground">
        Each step sends a share of the stage&apos;s requests to the canary and holds it at least this long
        before a healthy check moves on. After the last step the canary is promoted.
      </p>
      <div className="grid grid-cols-[4rem_9rem_9rem_auto] items-start gap-x-3 gap-y-2">
        <span aria-hidden="true" />
        <span aria-hidden="true" className="text-xs font-medium text-muted-foreground">
          Traffic to the canary (%)
        </span>
        <span aria-hidden="true" className="text-xs font-medium text-muted-foreground">
          Hold (seconds)
        </span>
        <span aria-hidden="true" />
        {fields.map((f, i) => (
          <div key={f.id} className="contents">
            <span className="pt-2 text-sm text-muted-foreground">Step {i + 1}</span>
            <FormField
              label={`Step ${i + 1} traffic (%)`}
              hideLabel
              id={`step-${i}-percent`}
              error={errors?.[i]?.percent?.message}
            >
              <Input inputMode="decimal" {...form.register(`steps.${i}.percent`)} />
            </FormField>
            <FormField
              label={`Step ${i + 1} hold (seconds)`}
              hideLabel
              id={`step-${i}-hold`}
              error={errors?.[i]?.holdSeconds?.message}
            >
              <Input inputMode="numeric" {...form.register(`steps.${i}.holdSeconds`)} />
            </FormField>
            <Button
              variant="ghost"
              size="icon"
              aria-label={`Remove step ${i + 1}`}
              disabled={fields.length <= 1}
              onClick={() => remove(i)}
            >
              <Trash2 aria-hidden="true" />
            </Button>
          </div>
        ))}
      </div>
      {listError ? <p className="text-xs font-medium text-destructive">{listError}</p> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="outline" size="sm" onClick={addStep} disabled={fields.length >= MAX_ROLLOUT_STEPS}>
          <Plus aria-hidden="true" /> Add step
        </Button>
        <span className="text-xs text-muted-foreground">
          A healthy rollout takes at least {duration(totalHold)} (the hold times added up).
        </span>
      </div>
    </fieldset>
  );
}
