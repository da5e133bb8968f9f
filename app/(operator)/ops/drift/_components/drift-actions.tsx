"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { endGoneSubscriptionAction } from "@/lib/actions/end-gone-subscription";
import { forgetGoneKeyAction } from "@/lib/actions/forget-gone-key";

function useDone() {
  const router = useRouter();
  return (res: { ok: boolean; error?: string }, msg: string) => {
    if (!res.ok) return void toast.error(res.error ?? "Failed.");
    toast.success(msg);
    router.refresh();
  };
}

export function ForgetKeyButton({ keyId, label }: { keyId: string; label: string }) {
  const done = useDone();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" size="sm" aria-label={`Mark deleted: key ${label} (${keyId})`}>
          Mark deleted
        </Button>
      }
      title={`Mark ${label} deleted?`}
      description="Its key no longer exists in AWS. Tollgate marks the record deleted, so the tenant no longer sees it as live; its usage history stays. Nothing is sent to AWS."
      confirmLabel="Mark deleted"
      destructive
      onConfirm={async () => done(await forgetGoneKeyAction({ keyId }), `${label} marked deleted.`)}
    />
  );
}

export function EndSubscriptionButton({
  id,
  tenant,
  planId,
}: {
  id: string;
  tenant: string;
  planId: string;
}) {
  const done = useDone();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" size="sm" aria-label={`End subscription of ${tenant} to ${planId}`}>
          End subscription
        </Button>
      }
      title={`End ${tenant}'s subscription to ${planId}?`}
      description="The usage plan no longer exists in AWS, so there are no keys to detach. Tollgate ends the subscription record as of now; past usage and invoices are unchanged."
      confirmLabel="End subscription"
      destructive
      onConfirm={async () =>
        done(await endGoneSubscriptionAction({ subscriptionId: id }), `Subscription of ${tenant} ended.`)
      }
    />
  );
}
