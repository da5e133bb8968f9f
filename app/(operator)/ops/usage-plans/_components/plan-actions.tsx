"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { deleteUsagePlanAction } from "@/lib/actions/delete-usage-plan";
import type { PlanDto } from "@/lib/plans/loaders";
import { PlanDialog } from "./plan-dialog";

export function PlanActions({
  plan,
  stageOptions,
}: {
  plan: PlanDto;
  stageOptions: { value: string; label: string }[];
}) {
  const router = useRouter();
  return (
    <div className="flex gap-2">
      <PlanDialog plan={plan} stageOptions={stageOptions} />
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" aria-label={`Delete plan ${plan.name}`}>
            Delete
          </Button>
        }
        title={`Delete plan ${plan.name}?`}
        description="Only a plan with no API stages and no keys can be deleted. This cannot be undone."
        confirmLabel="Delete plan"
        confirmText={plan.name}
        destructive
        onConfirm={async () => {
          const res = await deleteUsagePlanAction({ usagePlanId: plan.id });
          if (!res.ok) {
            toast.error(res.error);
            return;
          }
          toast.success(`Plan ${plan.name} deleted.`);
          router.refresh();
        }}
      />
    </div>
  );
}
