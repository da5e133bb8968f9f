"use client";
import { useRouter } from "next/navigation";
import { createContext, useContext, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import { updateStageAction } from "@/lib/actions/update-stage";
import type { StageChange } from "@/lib/schemas/stages";
import { isDestructiveStageChange, previewStageChange, stagePatchCalls } from "@/lib/stages/changes";
import type { RestStageDto } from "@/lib/stages/types";

type Ctx = { stage: RestStageDto; version: string; preview: (change: StageChange) => void };
const StageCtx = createContext<Ctx | null>(null);

export function useStage(): Ctx {
  const ctx = useContext(StageCtx);
  if (!ctx) throw new Error("useStage outside StageProvider");
  return ctx;
}

/**
 * Holds the stage as the page loaded it (and its version digest) and the one review dialog: every change is shown
 * as the exact UpdateStage patch operations before it is applied, and is applied against that same version.
 */
export function StageProvider({
  stage,
  version,
  children,
}: {
  stage: RestStageDto;
  version: string;
  children: ReactNode;
}) {
  const [change, setChange] = useState<StageChange | null>(null);
  return (
    <StageCtx.Provider value={{ stage, version, preview: setChange }}>
      {children}
      <PatchReviewDialog stage={stage} version={version} change={change} onClose={() => setChange(null)} />
    </StageCtx.Provider>
  );
}

function PatchReviewDialog({
  stage,
  version,
  change,
  onClose,
}: {
  stage: RestStageDto;
  version: string;
  change: StageChange | null;
  onClose: () => void;
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; stale: boolean } | null>(null);
  let calls: ReturnType<typeof stagePatchCalls> = [];
  let invalid: string | null = null;
  if (change) {
    try {
      calls = stagePatchCalls(stage, change);
      if (calls.every((c) => c.length === 0))
        invalid = "Nothing to change: the stage already has these settings.";
    } catch (e) {
      invalid = (e as Error).message;
    }
  }
  const close = () => {
    setError(null);
    onClose();
  };
  async function apply() {
    if (!change) return;
    setPending(true);
    setError(null);
    const res = await updateStageAction({
      restApiId: stage.restApiId,
      stageName: stage.stageName,
      version,
      change,
    });
    setPending(false);
    if (!res.ok) {
      setError({ message: res.error, stale: res.code === "conflict" });
      return;
    }
    toast.success(`Applied: ${res.data.summary}.`);
    close();
    router.refresh();
  }
  return (
    <Dialog open={change !== null} onOpenChange={(o) => (!o && !pending ? close() : undefined)}>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Review the change</DialogTitle>
          <DialogDescription>
            {change ? previewStageChange(change) : ""}. Tollgate will send exactly{" "}
            {calls.length > 1 ? `these ${calls.length} UpdateStage calls` : "this UpdateStage call"} (JSON
            Patch operations) to API Gateway for stage <span className="font-mono">{stage.stageName}</span>.
          </DialogDescription>
        </DialogHeader>
        {invalid ? <Alert variant="warning">{invalid}</Alert> : null}
        {!invalid
          ? calls.map((ops, i) => (
              <div key={i}>
                {calls.length > 1 ? <p className="mb-1 text-xs text-muted-foreground">Call {i + 1}</p> : null}
                <pre
                  aria-label={`Patch operations${calls.length > 1 ? ` of call ${i + 1}` : ""}`}
                  className="max-h-72 overflow-auto rounded-md bg-muted p-3 font-mono text-xs"
                >
                  {JSON.stringify(ops, null, 2)}
                </pre>
              </div>
            ))
          : null}
        {error ? (
          <Alert variant="destructive" title={error.stale ? "The stage changed" : "Not applied"}>
            {error.message}
            {error.stale ? (
              <div className="mt-2">
                <Button
                  size="sm"
                  variant="outline"
                  onClick={() => {
                    close();
                    router.refresh();
                  }}
                >
                  Reload the stage
                </Button>
              </div>
            ) : null}
          </Alert>
        ) : null}
        <DialogFooter>
          <Button variant="ghost" onClick={close} disabled={pending}>
            Cancel
          </Button>
          <Button
            onClick={apply}
            loading={pending}
            disabled={invalid !== null}
            variant={change && isDestructiveStageChange(change) ? "destructive" : "default"}
          >
            Apply
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** zod issues of a change → message per top-level field (and "_" for the rest). */
export function issuesByField(
  issues: readonly { path: PropertyKey[]; message: string }[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = String(i.path[0] ?? "_");
    out[key] ??= i.message;
  }
  return out;
}
