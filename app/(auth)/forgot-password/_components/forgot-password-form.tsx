"use client";
import { useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { requestPasswordResetAction } from "@/lib/actions/request-password-reset";
import { forgotPasswordSchema } from "@/lib/schemas/users";

export function ForgotPasswordForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { form, onSubmit, formError, pending } = useActionForm({
    schema: forgotPasswordSchema,
    action: requestPasswordResetAction,
    defaultValues: { email: "" },
    onSuccess: (d) => setSentTo(d.email),
  });
  if (sentTo)
    return (
      <Alert variant="success" title="Check your mail" data-testid="reset-requested">
        If {sentTo} belongs to an account, a link to set a new password is on its way. It works once, for an
        hour. Nothing arrived? Check the spam folder, or ask an administrator.
      </Alert>
    );
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}
      <FormField label="Email" id="email" error={form.formState.errors.email?.message}>
        <Input type="email" autoComplete="email" {...form.register("email")} />
      </FormField>
      <Button type="submit" loading={pending}>
        Send reset link
      </Button>
    </form>
  );
}
