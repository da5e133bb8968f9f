"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { deleteApiKeyAction } from "@/lib/actions/delete-api-key";
import { setKeyEnabledAction } from "@/lib/actions/set-key-enabled";

export function OpsKeyActions({ k }: { k: { id: string; label: string; status: string } }) {
  const router = useRouter();
  const done = (res: { ok: boolean; error?: string }, msg: string) => {
    if (!res.ok) return void toast.error(res.error ?? "Failed.");
    toast.success(msg);
    router.refresh();
  };
  const enable = k.status !== "ACTIVE";
  return (
    <div className="flex justify-end gap-2">
      <ConfirmDialog
        trigger={
          <Button
            variant="outline"
            size="sm"
            aria-label={`${enable ? "Enable" : "Disable"} key ${k.label} (${k.id})`}
          >
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
