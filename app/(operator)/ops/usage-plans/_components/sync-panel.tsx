"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { syncStateQuery } from "@/lib/query-options/usage-sync";
import { formatDateTime } from "@/lib/format";

/** "Sync now" with progress: starts the usage sync and polls its state while it runs. */
export function SyncPanel() {
  const qc = useQueryClient();
  const state = useQuery(syncStateQuery());
  const start = useMutation({
    mutationFn: async () => {
      const res = await fetch("/api/ops/usage-sync", { method: "POST" });
      const body = (await res.json()) as { message?: string; error?: string };
      if (!res.ok) throw new Error(body.message ?? body.error ?? "Could not start the sync.");
      return body;
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["usage-sync"] }),
    onError: (e) => toast.error(e.message),
  });
  const s = state.data;
  const pct = s && s.total > 0 ? Math.round((s.done / s.total) * 100) : 0;
  return (
    <section
      aria-label="Usage sync"
      className="flex flex-wrap items-center gap-3 rounded-lg border p-3 text-sm"
    >
      <div className="grow">
        <div className="font-medium">Usage data</div>
        <div className="text-muted-foreground" data-testid="sync-status">
          {state.isPending
            ? "Loading…"
            : s?.running
              ? `Syncing: ${s.done} of ${s.total || "?"} plans (${pct}%)`
              : s?.lastSuccessAt
                ? `Last synced ${formatDateTime(s.lastSuccessAt)}${s.error ? ` · last attempt failed: ${s.error}` : ""}`
                : s?.error
                  ? `Sync failed: ${s.error}`
                  : "Not synced yet. The sync runs every 5 minutes."}
        </div>
        {s?.running ? (
          <div
            className="mt-2 h-2 w-full rounded bg-muted"
            role="progressbar"
            aria-valuenow={pct}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-label="Sync progress"
          >
            <div className="h-2 rounded bg-primary transition-all" style={{ width: `${pct}%` }} />
          </div>
        ) : null}
      </div>
      <Button
        variant="secondary"
        onClick={() => start.mutate()}
        loading={start.isPending}
        disabled={s?.running}
      >
        <RefreshCw aria-hidden="true" /> Sync now
      </Button>
    </section>
  );
}
