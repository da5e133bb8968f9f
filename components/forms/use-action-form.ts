"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import {
  get,
  useForm,
  type DefaultValues,
  type FieldValues,
  type Path,
  type Resolver,
} from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/auth/define-action";

/**
 * react-hook-form + the zod schema the server action also uses: the browser shows field messages at once, and
 * whatever the server refuses (duplicates, throttling, permissions) lands at the same field or in `formError`.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, O>(opts: {
  schema: S;
  action: (input: z.input<S>) => Promise<ActionResult<O>>;
  defaultValues: DefaultValues<z.input<S>>;
  onSuccess?: (data: O) => void | Promise<void>;
  /** Where a server field error goes when the form's field is named differently (null: the form-level message). */
  fieldFor?: (serverField: string) => string | null;
}) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(opts.schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues: opts.defaultValues,
    mode: "onSubmit",
  });
  const [formError, setFormError] = useState<string | null>(null);
  const onSubmit = form.handleSubmit(async (_values, event) => {
    setFormError(null);
    // Send what the user typed; the server parses it with the same schema.
    const res = await opts.action(form.getValues());
    if (res.ok) {
      await opts.onSuccess?.(res.data);
      return;
    }
    let placed = false;
    const values = form.getValues();
    for (const [serverField, messages] of Object.entries(res.fieldErrors ?? {})) {
      const field = opts.fieldFor ? opts.fieldFor(serverField) : serverField;
      // Nested fields ("gates.maxP99Ms", "steps.0.percent") are placed too.
      if (field !== null && (field in values || get(values, field) !== undefined)) {
        form.setError(field as Path<z.input<S>>, { message: messages[0] ?? res.error });
        placed = true;
      }
    }
    if (!placed) setFormError(res.error);
    event?.preventDefault();
  });
  return { form, onSubmit, formError, pending: form.formState.isSubmitting };
}
