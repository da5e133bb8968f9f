import { Check, Circle, CircleDot, CircleX, Flag } from "lucide-react";
import type { RolloutDto } from "@/lib/canary/types";
import { cn } from "@/lib/utils/cn";

type StepState = "done" | "current" | "stopped" | "pending";

const seconds = (s: number) => (s >= 120 ? `${Math.round(s / 60)} min` : `${s} s`);

/**
 * The plan as a vertical list: each step's canary share and hold time, which are done, which one runs now (with
 * the hold time it has served so far), and the final promotion.
 */
export function StepTimeline({ rollout, now }: { rollout: RolloutDto; now: number | null }) {
  const { plan, stepIndex, status } = rollout;
  const active = status === "running" || status === "paused";
  const stateOf = (i: number): StepState => {
    if (status === "promoted" || i < stepIndex) return "done";
    if (i > stepIndex) return "pending";
    return active ? "current" : "stopped";
  };
  const elapsed =
    now === null ? null : Math.max(0, Math.floor((now - new Date(rollout.stepStartedAt).getTime()) / 1000));
  return (
    <ol aria-label="Steps" className="flex flex-col gap-0">
      {plan.steps.map((step, i) => {
        const state = stateOf(i);
        const Icon = { done: Check, current: CircleDot, stopped: CircleX, pending: Circle }[state];
        return (
          <li
            key={i}
            data-state={state}
            aria-current={state === "current" ? "step" : undefined}
            className="flex items-start gap-3 border-l-2 py-2 pl-4 data-[state=current]:border-primary data-[state=done]:border-success data-[state=stopped]:border-destructive"
          >
            <Icon
              aria-hidden="true"
              className={cn(
                "mt-0.5 size-4 shrink-0",
                state === "done" && "text-success",
                state === "current" && "text-primary",
                state === "stopped" && "text-destructive",
                state === "pending" && "text-muted-foreground",
              )}
            />
            <div className="flex flex-col">
              <span className={cn("text-sm font-medium", state === "pending" && "text-muted-foreground")}>
                Step {i + 1}: {step.percent} % to the canary
              </span>
              <span className="text-xs text-muted-foreground">
                Hold {seconds(step.holdSeconds)} ·{" "}
                {state === "current"
                  ? `${status === "paused" ? "paused, " : ""}current${elapsed !== null ? ` — held ${seconds(elapsed)} of ${seconds(step.holdSeconds)}` : ""}`
                  : state === "stopped"
                    ? `stopped here (${status.replace("_", " ")})`
                    : state}
              </span>
            </div>
          </li>
        );
      })}
      <li
        data-state={status === "promoted" ? "done" : "pending"}
        className="flex items-start gap-3 border-l-2 py-2 pl-4 data-[state=done]:border-success"
      >
        <Flag
          aria-hidden="true"
          className={cn(
            "mt-0.5 size-4 shrink-0",
            status === "promoted" ? "text-success" : "text-muted-foreground",
          )}
        />
        <div className="flex flex-col">
          <span className={cn("text-sm font-medium", status !== "promoted" && "text-muted-foreground")}>
            Promote: 100 % to the new deployment
          </span>
          <span className="text-xs text-muted-foreground">
            {status === "promoted"
              ? "done"
              : plan.manualApproval
                ? rollout.approved
                  ? "approved by an operator; after the last step"
                  : "after the last step, once an operator approves"
                : "after the last step, on its own"}
          </span>
        </div>
      </li>
    </ol>
  );
}
