"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
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
    for (const [field, messages] of Object.entries(res.fieldErrors ?? {})) {
      if (field in form.getValues()) {
        form.setError(field as Path<z.input<S>>, { message: messages[0] ?? res.error });
        placed = true;
      }
    }
    if (!placed) setFormError(res.error);
    event?.preventDefault();
  });
  return { form, onSubmit, formError, pending: form.formState.isSubmitting };
}
