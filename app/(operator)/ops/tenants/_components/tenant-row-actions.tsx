"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import {
  Dialog,
  DialogContent,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { renameTenantAction } from "@/lib/actions/rename-tenant";
import { setTenantStatusAction } from "@/lib/actions/set-tenant-status";
import { renameTenantSchema } from "@/lib/schemas/tenants";

type Props = {
  tenant: {
    id: string;
    name: string;
    status: "ACTIVE" | "SUSPENDED";
    activeKeyCount: number;
    suspendedKeyCount: number;
  };
};

const keys = (n: number) => `${n} API key${n === 1 ? "" : "s"}`;

/** Everything suspending or reinstating does, in the words the confirmation shows. */
function tenantStatusEffects(tenant: Props["tenant"]): string {
  if (tenant.status === "ACTIVE")
    return tenant.activeKeyCount === 0
      ? "Its partner users are signed out at once and cannot sign in until you reinstate the tenant. It has no active API keys."
      : `Its partner users are signed out at once and cannot sign in until you reinstate the tenant, and all ${keys(tenant.activeKeyCount)} of the tenant stop working at once (disabled in API Gateway; requests with them get 403 Forbidden). Reinstating enables the same keys again.`;
  return tenant.suspendedKeyCount === 0
    ? "Its partner users can sign in again."
    : `Its partner users can sign in again, and the ${keys(tenant.suspendedKeyCount)} the suspension disabled work again. Keys the partner revoked stay revoked.`;
}

export function TenantRowActions({ tenant }: Props) {
  const router = useRouter();
  const suspend = tenant.status === "ACTIVE";
  return (
    <div className="flex justify-end gap-2">
      <RenameTenantDialog tenant={tenant} />
      <ConfirmDialog
        trigger={
          <Button
            variant={suspend ? "outline" : "secondary"}
            size="sm"
            aria-label={`${suspend ? "Suspend" : "Reinstate"} tenant ${tenant.name}`}
          >
            {suspend ? "Suspend" : "Reinstate"}
          </Button>
        }
        title={suspend ? `Suspend ${tenant.name}?` : `Reinstate ${tenant.name}?`}
        description={tenantStatusEffects(tenant)}
        confirmLabel={suspend ? "Suspend tenant" : "Reinstate tenant"}
        destructive={suspend}
        onConfirm={async () => {
          const res = await setTenantStatusAction({
            tenantId: tenant.id,
            status: suspend ? "SUSPENDED" : "ACTIVE",
          });
          if (!res.ok) {
            toast.error(res.error);
            return;
          }
          toast.success(
            suspend
              ? `${tenant.name} suspended; ${keys(res.data.keysChanged)} disabled.`
              : `${tenant.name} reinstated; ${keys(res.data.keysChanged)} enabled again.`,
          );
          router.refresh();
        }}
      />
    </div>
  );
}

function RenameTenantDialog({ tenant }: Props) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const { form, onSubmit, formError, pending } = useActionForm({
    schema: renameTenantSchema,
    action: renameTenantAction,
    defaultValues: { tenantId: tenant.id, name: tenant.name },
    onSuccess: (t) => {
      toast.success(`Renamed to ${t.name}.`);
      setOpen(false);
      router.refresh();
    },
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Rename tenant ${tenant.name}`}>
          Rename
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          <DialogHeader>
            <DialogTitle>Rename {tenant.name}</DialogTitle>
          </DialogHeader>
          {formError ? <Alert variant="destructive">{formError}</Alert> : null}
          <FormField label="New name" id={`rename-${tenant.id}`} error={form.formState.errors.name?.message}>
            <Input autoFocus {...form.register("name")} />
          </FormField>
          <DialogFooter>
            <Button type="submit" loading={pending}>
              Save
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
