"use client";
import { useQueryClient } from "@tanstack/react-query";
import { Pause, Play, RotateCcw, ShieldCheck, Rocket } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { controlRolloutAction } from "@/lib/actions/control-rollout";
import type { RolloutDto } from "@/lib/canary/types";
import { rolloutQuery } from "@/lib/query-options/rollouts";
import type { RolloutCommand } from "@/lib/schemas/rollouts";

const DONE: Record<RolloutCommand, string> = {
  pause: "Paused: no decisions until you resume.",
  resume: "Resumed: the next evaluation runs shortly.",
  abort: "Rolled back: all requests go to the base deployment again.",
  promote: "Promoted: the new deployment now serves all requests.",
  approve: "Promotion approved: the rollout promotes after its last step.",
};

/**
 * Pause, resume, approve, promote now and abort (roll back now). Promote and abort change the stage at once, so
 * they ask first. Everything is disabled while the engine is applying a change.
 */
export function RolloutControls({ rollout }: { rollout: RolloutDto }) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState<RolloutCommand | null>(null);
  const active = rollout.status === "running" || rollout.status === "paused";
  if (!active) return null;
  const disabled = rollout.pending || busy !== null;

  async function run(command: RolloutCommand, throwOnError = false) {
    setBusy(command);
    try {
      const res = await controlRolloutAction({ rolloutId: rollout.id, command });
      if (res.ok) toast.success(DONE[command]);
      else {
        toast.error(res.error);
        if (throwOnError) throw new Error(res.error);
      }
    } finally {
      setBusy(null);
      await qc.invalidateQueries({ queryKey: rolloutQuery(rollout.id).queryKey });
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        {rollout.status === "running" ? (
          <Button
            variant="outline"
            onClick={() => run("pause")}
            disabled={disabled}
            loading={busy === "pause"}
          >
            <Pause aria-hidden="true" /> Pause
          </Button>
        ) : (
          <Button
            variant="outline"
            onClick={() => run("resume")}
            disabled={disabled}
            loading={busy === "resume"}
          >
            <Play aria-hidden="true" /> Resume
          </Button>
        )}
        {rollout.plan.manualApproval && !rollout.approved ? (
          <Button onClick={() => run("approve")} disabled={disabled} loading={busy === "approve"}>
            <ShieldCheck aria-hidden="true" /> Approve promotion
          </Button>
        ) : null}
        <ConfirmDialog
          trigger={
            <Button variant="outline" disabled={disabled}>
              <Rocket aria-hidden="true" /> Promote now
            </Button>
          }
          title="Promote the canary now?"
          description={`This will skip the remaining steps and checks: deployment ${rollout.canaryDeploymentId} will serve all of ${rollout.stageName}'s requests at once, and the canary will be removed.`}
          confirmLabel="Promote now"
          onConfirm={() => run("promote", true)}
        />
        <ConfirmDialog
          trigger={
            <Button variant="destructive" disabled={disabled}>
              <RotateCcw aria-hidden="true" /> Abort (roll back now)
            </Button>
          }
          title="Abort the rollout and roll back?"
          description={`This will remove the canary: all of ${rollout.stageName}'s requests will go to the base deployment ${rollout.baseDeploymentId} again. The rollout cannot be resumed afterwards.`}
          confirmLabel="Roll back now"
          destructive
          onConfirm={() => run("abort", true)}
        />
      </div>
      {rollout.pending ? (
        <p className="text-xs text-muted-foreground" role="status">
          A change to the stage is being applied; the controls come back when it is done.
        </p>
      ) : null}
    </div>
  );
}
