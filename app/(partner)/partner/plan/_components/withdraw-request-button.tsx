"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { withdrawPlanRequestAction } from "@/lib/actions/withdraw-plan-request";

export function WithdrawRequestButton({ requestId, planName }: { requestId: string; planName: string }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" size="sm">
          Withdraw request
        </Button>
      }
      title="Withdraw your plan request?"
      description={`Your request to move to "${planName}" is cancelled; operators no longer see it. Your current plan and keys stay as they are. You can send a new request afterwards.`}
      confirmLabel="Withdraw request"
      onConfirm={async () => {
        const res = await withdrawPlanRequestAction({ requestId });
        if (!res.ok) return void toast.error(res.error);
        toast.success("Request withdrawn.");
        router.refresh();
      }}
    />
  );
}
