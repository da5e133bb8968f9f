"use client";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { useActionForm } from "@/components/forms/use-action-form";
import { acceptInvitationAction } from "@/lib/actions/accept-invitation";
import { acceptInvitationSchema } from "@/lib/schemas/users";

export function AcceptInvitationForm({ token }: { token: string }) {
  const router = useRouter();
  const { form, onSubmit, formError, pending } = useActionForm({
    schema: acceptInvitationSchema,
    action: acceptInvitationAction,
    defaultValues: { token, name: "", password: "", confirm: "" },
    onSuccess: () => {
      toast.success("Your account is ready. Sign in with your new password.");
      router.replace("/login");
    },
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}
      <FormField label="Your name" id="name" error={errors.name?.message}>
        <Input autoComplete="name" {...form.register("name")} />
      </FormField>
      <FormField
        label="Password"
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
        Create account
      </Button>
    </form>
  );
}
