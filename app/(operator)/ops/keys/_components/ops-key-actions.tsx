"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { formatDateTime } from "@/lib/format";
import { deleteApiKeyAction } from "@/lib/actions/delete-api-key";
import { setKeyEnabledAction } from "@/lib/actions/set-key-enabled";

type OpsKey = {
  id: string;
  label: string;
  status: string;
  tenantName: string;
  /** Set when the partner revoked the key themselves: enabling it is an override of their decision. */
  revokedAt: string | null;
  /** A rotated-out key (its replacement exists): once revoked by the partner it cannot be enabled again. */
  replaced: boolean;
};

export function OpsKeyActions({ k }: { k: OpsKey }) {
  const router = useRouter();
  const done = (res: { ok: boolean; error?: string }, msg: string) => {
    if (!res.ok) return void toast.error(res.error ?? "Failed.");
    toast.success(msg);
    router.refresh();
  };
  const enable = k.status !== "ACTIVE";
  const partnerRevoked = enable && k.revokedAt !== null;
  return (
    <div className="flex justify-end gap-2">
      {partnerRevoked && k.replaced ? (
        <span className="self-center text-xs text-muted-foreground">
          Revoked by {k.tenantName} after rotation; cannot be enabled
        </span>
      ) : partnerRevoked ? (
        <ConfirmDialog
          trigger={
            <Button variant="outline" size="sm" aria-label={`Override the revoke of ${k.label}`}>
              Override revoke…
            </Button>
          }
          title={`Enable ${k.label} although ${k.tenantName} revoked it?`}
          description={`${k.tenantName} revoked this key on ${formatDateTime(k.revokedAt ?? "")}. Enabling it lets requests with it through again, against the partner's own decision; do this only when they asked for it. The override is recorded in the audit log under your name.`}
          confirmLabel="Override and enable"
          confirmText={k.label}
          destructive
          onConfirm={async () =>
            done(
              await setKeyEnabledAction({ keyId: k.id, enabled: true, overridePartnerRevoke: true }),
              `${k.label} enabled over the partner's revoke.`,
            )
          }
        />
      ) : (
        <ConfirmDialog
          trigger={
            <Button variant="outline" size="sm" aria-label={`${enable ? "Enable" : "Disable"} ${k.label}`}>
              {enable ? "Enable" : "Disable"}
            </Button>
          }
          title={`${enable ? "Enable" : "Disable"} ${k.label}?`}
          description={
            enable
              ? "Requests with this key are accepted again."
              : "Requests with this key get 403 Forbidden at once."
          }
          confirmLabel={enable ? "Enable key" : "Disable key"}
          destructive={!enable}
          onConfirm={async () =>
            done(
              await setKeyEnabledAction({ keyId: k.id, enabled: enable }),
              `${k.label} ${enable ? "enabled" : "disabled"}.`,
            )
          }
        />
      )}
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" aria-label={`Delete key ${k.label} (${k.id})`}>
            Delete
          </Button>
        }
        title={`Delete ${k.label}?`}
        description="The key is deleted in AWS for good; its usage history stays with the tenant."
        confirmLabel="Delete key"
        destructive
        onConfirm={async () => done(await deleteApiKeyAction({ keyId: k.id }), `${k.label} deleted.`)}
      />
    </div>
  );
}
