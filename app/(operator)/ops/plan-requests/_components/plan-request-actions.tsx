"use client";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { approvePlanRequestAction } from "@/lib/actions/approve-plan-request";
import { declinePlanRequestAction } from "@/lib/actions/decline-plan-request";

export function PlanRequestActions(props: {
  requestId: string;
  tenantName: string;
  fromPlanName: string | null;
  toPlanName: string;
}) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const reasonId = useId();
  return (
    <div className="flex flex-wrap gap-2">
      <ConfirmDialog
        trigger={<Button size="sm">Approve</Button>}
        title={`Move ${props.tenantName} to ${props.toPlanName}?`}
        description={
          props.fromPlanName
            ? `Every live API key of ${props.tenantName} joins "${props.toPlanName}" and then leaves "${props.fromPlanName}"; their limits change at once. When both plans cover the same API stage, AWS allows a key in only one of them, so each key leaves and re-joins back to back (a moment without a plan). The partner is told by mail.`
            : `${props.tenantName} is subscribed to "${props.toPlanName}" and every live API key of it joins the plan. The partner is told by mail.`
        }
        confirmLabel="Approve and change plan"
        onConfirm={async () => {
          const res = await approvePlanRequestAction({ requestId: props.requestId });
          if (!res.ok) return void toast.error(res.error);
          toast.success(`${props.tenantName} is on ${props.toPlanName} now.`);
          router.refresh();
        }}
      />
      <ConfirmDialog
        trigger={
          <Button size="sm" variant="outline">
            Decline
          </Button>
        }
        title={`Decline ${props.tenantName}'s request?`}
        description="The tenant stays on its current plan. The partner reads your reason on their plan page and by mail."
        confirmLabel="Decline request"
        destructive
        onConfirm={async () => {
          const res = await declinePlanRequestAction({ requestId: props.requestId, reason });
          if (!res.ok) {
            setReasonError(res.fieldErrors?.reason?.[0] ?? res.error);
            throw new Error(res.error);
          }
          setReason("");
          toast.success("Request declined.");
          router.refresh();
        }}
      >
        <div className="grid gap-2">
          <Label htmlFor={reasonId}>Reason for the partner</Label>
          <Textarea
            id={reasonId}
            rows={3}
            value={reason}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${reasonId}-error` : undefined}
            onChange={(e) => {
              setReason(e.target.value);
              setReasonError(null);
            }}
          />
          {reasonError ? (
            <p id={`${reasonId}-error`} className="text-sm text-destructive">
              {reasonError}
            </p>
          ) : null}
        </div>
      </ConfirmDialog>
    </div>
  );
}
