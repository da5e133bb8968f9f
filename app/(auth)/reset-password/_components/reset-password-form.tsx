"use client";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { resetPasswordAction } from "@/lib/actions/reset-password";
import { resetPasswordSchema } from "@/lib/schemas/users";

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const { form, onSubmit, formError, pending } = useActionForm({
    schema: resetPasswordSchema,
    action: resetPasswordAction,
    defaultValues: { token, password: "", confirm: "" },
    onSuccess: () => {
      toast.success("Your password is set. Sign in with it.");
      router.replace("/login");
    },
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}
      <FormField
        label="New password"
        id="password"
        description="At least 12 characters."
        error={errors.password?.message}
      >
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </FormField>
      <FormField label="Repeat password" id="confirm" error={errors.confirm?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("confirm")} />
      </FormField>
      <Button type="submit" loading={pending}>
        Set password
      </Button>
    </form>
  );
}
