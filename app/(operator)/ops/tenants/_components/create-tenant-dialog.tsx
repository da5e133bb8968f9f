"use client";
import { Plus } from "lucide-react";
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
import { toast } from "@/components/ui/toaster";
import { createTenantAction } from "@/lib/actions/create-tenant";
import { createTenantSchema } from "@/lib/schemas/tenants";

export function CreateTenantDialog() {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const { form, onSubmit, formError, pending } = useActionForm({
    schema: createTenantSchema,
    action: createTenantAction,
    defaultValues: { name: "", billingEmail: "" },
    onSuccess: (t) => {
      toast.success(`Tenant ${t.name} created.`);
      form.reset();
      setOpen(false);
      router.refresh();
    },
  });
  const { errors } = form.formState;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden="true" /> New tenant
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          <DialogHeader>
            <DialogTitle>New tenant</DialogTitle>
            <DialogDescription>
              A partner organisation. You can invite its users once it exists.
            </DialogDescription>
          </DialogHeader>
          {formError ? <Alert variant="destructive">{formError}</Alert> : null}
          <FormField label="Name" id="tenant-name" error={errors.name?.message}>
            <Input autoFocus {...form.register("name")} />
          </FormField>
          <FormField
            label="Billing email"
            id="tenant-billing"
            description="Optional. Invoices are addressed here."
            error={errors.billingEmail?.message}
          >
            <Input type="email" {...form.register("billingEmail")} />
          </FormField>
          <DialogFooter>
            <Button type="submit" loading={pending}>
              Create tenant
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
