"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { removeTeammateAction } from "@/lib/actions/remove-teammate";
import { revokeTeammateInvitationAction } from "@/lib/actions/revoke-teammate-invitation";

export function RemoveTeammateButton({
  userId,
  name,
  email,
}: {
  userId: string;
  name: string;
  email: string;
}) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm">
          Remove
        </Button>
      }
      title={`Remove ${name}?`}
      description={`${email} loses access to your organisation at once: their account and open sessions are deleted and their alert e-mails stop. The API keys they created stay with your organisation and keep working. You can invite them again later.`}
      confirmLabel="Remove colleague"
      destructive
      onConfirm={async () => {
        const res = await removeTeammateAction({ userId });
        if (!res.ok) return void toast.error(res.error);
        toast.success(`${name} removed.`);
        router.refresh();
      }}
    />
  );
}

export function RevokeTeamInvitationButton({ invitationId, email }: { invitationId: string; email: string }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm">
          Withdraw
        </Button>
      }
      title={`Withdraw the invitation to ${email}?`}
      description="The invitation link stops working. You can send a new invitation later."
      confirmLabel="Withdraw invitation"
      destructive
      onConfirm={async () => {
        const res = await revokeTeammateInvitationAction({ invitationId });
        if (!res.ok) return void toast.error(res.error);
        toast.success("Invitation withdrawn.");
        router.refresh();
      }}
    />
  );
}
