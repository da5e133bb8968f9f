"use client";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Separator } from "@/components/ui/separator";
import { useActionForm } from "@/components/forms/use-action-form";
import { signInAction } from "@/lib/actions/sign-in";
import { startSso } from "@/lib/auth/client";
import { signInSchema } from "@/lib/schemas/users";

/** `next`: the console path to return to (already checked by safeNextPath on the server), else the role's home. */
export function LoginForm({ sso, next = null }: { sso: string | null; next?: string | null }) {
  const router = useRouter();
  const { form, onSubmit, formError, pending } = useActionForm({
    schema: signInSchema,
    action: signInAction,
    defaultValues: { email: "", password: "" },
    onSuccess: (data) => {
      router.replace(next ?? data.home);
      router.refresh();
    },
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError || errors.root?.message ? (
        <Alert variant="destructive">{formError ?? errors.root?.message}</Alert>
      ) : null}
      <FormField label="Email" id="email" error={errors.email?.message}>
        <Input type="email" autoComplete="username" autoFocus {...form.register("email")} />
      </FormField>
      <FormField label="Password" id="password" error={errors.password?.message}>
        <Input type="password" autoComplete="current-password" {...form.register("password")} />
      </FormField>
      <Button type="submit" loading={pending}>
        Sign in
      </Button>
      {sso ? (
        <>
          <Separator />
          <Button
            type="button"
            variant="outline"
            onClick={async () => {
              const error = await startSso(next ?? "/");
              if (error) form.setError("root", { message: error });
            }}
          >
            Continue with {sso}
          </Button>
        </>
      ) : null}
    </form>
  );
}
