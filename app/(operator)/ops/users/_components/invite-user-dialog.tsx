"use client";
import { UserPlus } from "lucide-react";
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
import { toast } from "@/components/ui/toaster";
import { inviteUserAction } from "@/lib/actions/invite-user";
import { inviteUserSchema } from "@/lib/schemas/users";

const ROLE_OPTIONS = [
  { value: "operator", label: "Operator — runs APIs, stages, usage plans" },
  { value: "finance", label: "Finance — price plans, invoices, reports" },
  { value: "partner", label: "Partner owner — one tenant's keys, usage and team" },
  { value: "member", label: "Partner member — sees a tenant's keys and usage; no revoking, no inviting" },
  { value: "admin", label: "Admin — everything, plus users" },
];

export function InviteUserDialog({ tenants }: { tenants: { id: string; name: string }[] }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const { form, onSubmit, formError, pending } = useActionForm({
    schema: inviteUserSchema,
    action: inviteUserAction,
    defaultValues: { email: "", role: "operator", tenantId: "" },
    onSuccess: (r) => {
      toast.success(
        r.delivered
          ? "Invitation sent."
          : "Invitation created. SMTP is not configured, so the mail is in the Outbox.",
      );
      form.reset();
      setOpen(false);
      router.refresh();
    },
  });
  const role = form.watch("role");
  const { errors } = form.formState;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden="true" /> Invite user
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          <DialogHeader>
            <DialogTitle>Invite a user</DialogTitle>
            <DialogDescription>
              They receive a single-use link, valid for 24 hours, to choose a password.
            </DialogDescription>
          </DialogHeader>
          {formError ? <Alert variant="destructive">{formError}</Alert> : null}
          <FormField label="Email" id="invite-email" error={errors.email?.message}>
            <Input type="email" autoFocus {...form.register("email")} />
          </FormField>
          <FormField label="Role" id="invite-role" error={errors.role?.message}>
            <Select options={ROLE_OPTIONS} {...form.register("role")} />
          </FormField>
          {role === "partner" || role === "member" ? (
            <FormField label="Tenant" id="invite-tenant" error={errors.tenantId?.message}>
              <Select
                placeholder="Choose a tenant"
                options={tenants.map((t) => ({ value: t.id, label: t.name }))}
                {...form.register("tenantId")}
              />
            </FormField>
          ) : null}
          <DialogFooter>
            <Button type="submit" loading={pending}>
              Send invitation
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
