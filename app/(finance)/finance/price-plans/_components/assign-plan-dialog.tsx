"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
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
import { assignPricePlanAction } from "@/lib/actions/assign-price-plan";

export function AssignPlanDialog({
  plan,
  tenants,
}: {
  plan: { id: string; name: string };
  tenants: { id: string; name: string }[];
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const [tenantId, setTenantId] = useState("");
  const [effectiveFrom, setEffectiveFrom] = useState(new Date().toISOString().slice(0, 8) + "01");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          Assign to tenant
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form
          noValidate
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            start(async () => {
              setErrors({});
              setFormError(null);
              const res = await assignPricePlanAction({ tenantId, planId: plan.id, effectiveFrom });
              if (!res.ok) {
                setErrors(res.fieldErrors ?? {});
                setFormError(res.error);
                return;
              }
              toast.success(`${res.data.tenantName} is on ${res.data.planName} from ${effectiveFrom}.`);
              setOpen(false);
              router.refresh();
            });
          }}
        >
          <DialogHeader>
            <DialogTitle>Assign {plan.name}</DialogTitle>
            <DialogDescription>
              The tenant is billed on this plan from the chosen UTC day until its next assignment. Earlier
              days keep their plan.
            </DialogDescription>
          </DialogHeader>
          {formError ? <Alert variant="destructive">{formError}</Alert> : null}
          <FormField label="Tenant" id={`assign-tenant-${plan.id}`} error={errors.tenantId?.[0]}>
            <Select
              value={tenantId}
              onChange={(e) => setTenantId(e.target.value)}
              options={[
                { value: "", label: "Choose a tenant" },
                ...tenants.map((t) => ({ value: t.id, label: t.name })),
              ]}
            />
          </FormField>
          <FormField label="From (UTC day)" id={`assign-from-${plan.id}`} error={errors.effectiveFrom?.[0]}>
            <Input type="date" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} />
          </FormField>
          <DialogFooter>
            <Button type="submit" loading={pending}>
              Assign plan
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
