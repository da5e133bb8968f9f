"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { revokeInvitationAction } from "@/lib/actions/revoke-invitation";
import { setUserDisabledAction } from "@/lib/actions/set-user-disabled";

export function UserStatusButton({ user }: { user: { id: string; email: string; disabled: boolean } }) {
  const router = useRouter();
  const disable = !user.disabled;
  return (
    <ConfirmDialog
      trigger={
        <Button
          variant={disable ? "outline" : "secondary"}
          size="sm"
          aria-label={`${disable ? "Disable" : "Enable"} user ${user.email}`}
        >
          {disable ? "Disable" : "Enable"}
        </Button>
      }
      title={disable ? `Disable ${user.email}?` : `Enable ${user.email}?`}
      description={
        disable
          ? "Their open sessions stop working on their next request, and they cannot sign in."
          : "They can sign in again."
      }
      confirmLabel={disable ? "Disable user" : "Enable user"}
      destructive={disable}
      onConfirm={async () => {
        const res = await setUserDisabledAction({ userId: user.id, disabled: disable });
        if (!res.ok) return void toast.error(res.error);
        toast.success(disable ? `${user.email} disabled.` : `${user.email} enabled.`);
        router.refresh();
      }}
    />
  );
}

export function RevokeInvitationButton({ invitation }: { invitation: { id: string; email: string } }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Revoke the invitation to ${invitation.email}`}>
          Revoke
        </Button>
      }
      title={`Revoke the invitation to ${invitation.email}?`}
      description="The link stops working. You can send a new invitation later."
      confirmLabel="Revoke invitation"
      destructive
      onConfirm={async () => {
        const res = await revokeInvitationAction({ invitationId: invitation.id });
        if (!res.ok) return void toast.error(res.error);
        toast.success("Invitation revoked.");
        router.refresh();
      }}
    />
  );
}
