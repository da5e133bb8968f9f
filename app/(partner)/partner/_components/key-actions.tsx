"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
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
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { deleteApiKeyAction } from "@/lib/actions/delete-api-key";
import { revokeApiKeyAction } from "@/lib/actions/revoke-api-key";
import { rotateApiKeyAction } from "@/lib/actions/rotate-api-key";
import { revealKey } from "./revealed-key";

type K = { id: string; label: string; status: string; rotated: boolean };

/** `canRetire`: revoke and delete (tenant owners); members only rotate. */
export function KeyActions({ k, canRetire }: { k: K; canRetire: boolean }) {
  const router = useRouter();
  return (
    <div className="flex justify-end gap-2">
      {k.status === "ACTIVE" && !k.rotated ? <RotateDialog k={k} /> : null}
      {!canRetire ? null : k.status === "ACTIVE" ? (
        <ConfirmDialog
          trigger={
            <Button variant="outline" size="sm" aria-label={`Revoke key ${k.label} (${k.id})`}>
              Revoke
            </Button>
          }
          title={`Revoke ${k.label}?`}
          description="The key stops working at once. Anything still using it gets 403 Forbidden."
          confirmLabel="Revoke key"
          destructive
          onConfirm={async () => {
            const res = await revokeApiKeyAction({ keyId: k.id });
            if (!res.ok) return void toast.error(res.error);
            toast.success(`${k.label} revoked.`);
            router.refresh();
          }}
        />
      ) : (
        <ConfirmDialog
          trigger={
            <Button variant="ghost" size="sm" aria-label={`Delete key ${k.label} (${k.id})`}>
              Delete
            </Button>
          }
          title={`Delete ${k.label}?`}
          description="The key is removed from AWS for good. Its usage history stays with your organisation."
          confirmLabel="Delete key"
          destructive
          onConfirm={async () => {
            const res = await deleteApiKeyAction({ keyId: k.id });
            if (!res.ok) return void toast.error(res.error);
            toast.success(`${k.label} deleted.`);
            router.refresh();
          }}
        />
      )}
    </div>
  );
}

function RotateDialog({ k }: { k: K }) {
  const [open, setOpen] = useState(false);
  const [grace, setGrace] = useState<"now" | "1h" | "24h" | "7d">("24h");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) {
          setError(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={`Rotate key ${k.label} (${k.id})`}>
          Rotate
        </Button>
      </DialogTrigger>
      <DialogContent>
        <div className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Rotate {k.label}</DialogTitle>
            <DialogDescription>
              A new key on the same plans replaces this one. The old key keeps working for the grace window
              you pick, so you can deploy the new one first; then it is disabled and deleted.
            </DialogDescription>
          </DialogHeader>
          {error ? <Alert variant="destructive">{error}</Alert> : null}
          <FormField label="Old key keeps working for" id={`grace-${k.id}`}>
            <Select
              value={grace}
              onChange={(e) => setGrace(e.target.value as typeof grace)}
              options={[
                { value: "now", label: "No grace: stop it now" },
                { value: "1h", label: "1 hour" },
                { value: "24h", label: "24 hours" },
                { value: "7d", label: "7 days" },
              ]}
            />
          </FormField>
          <DialogFooter>
            <Button
              loading={pending}
              onClick={async () => {
                setPending(true);
                const res = await rotateApiKeyAction({ keyId: k.id, grace });
                setPending(false);
                if (!res.ok) return setError(res.error);
                setOpen(false);
                revealKey({ title: `Replacement key for ${k.label}`, value: res.data.value });
              }}
            >
              Rotate key
            </Button>
          </DialogFooter>
        </div>
      </DialogContent>
    </Dialog>
  );
}
