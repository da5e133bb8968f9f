"use client";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";

/** Shows a new rollout's webhook signing secret once; Tollgate does not store it and cannot show it again. */
export function WebhookSecretDialog({ secret, onDone }: { secret: string | null; onDone: () => void }) {
  return (
    <Dialog open={secret !== null} onOpenChange={(o) => (o ? undefined : onDone())}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Webhook signing secret</DialogTitle>
          <DialogDescription>
            Each webhook request carries an <code>X-Tollgate-Signature</code> header:{" "}
            <code>t=&lt;unix time&gt;,v1=&lt;HMAC-SHA256 of &quot;t.body&quot;&gt;</code>. Give this secret to
            the receiver so it can verify that requests come from Tollgate. It is shown only now.
          </DialogDescription>
        </DialogHeader>
        <div className="flex items-center gap-2">
          <code className="break-all rounded bg-muted px-2 py-1 text-sm" data-testid="webhook-secret">
            {secret}
          </code>
          {secret ? <CopyButton value={secret} label="Copy the webhook secret" /> : null}
        </div>
        <DialogFooter>
          <Button onClick={onDone}>I have copied it</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
