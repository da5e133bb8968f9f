import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { DecisionAction, RolloutStatus } from "@/lib/canary/types";

export const STATUS_LABELS: Record<RolloutStatus, string> = {
  running: "running",
  paused: "paused",
  promoted: "promoted",
  rolled_back: "rolled back",
  failed: "failed",
};

const STATUS_VARIANT: Record<RolloutStatus, NonNullable<BadgeProps["variant"]>> = {
  running: "info",
  paused: "warning",
  promoted: "success",
  rolled_back: "destructive",
  failed: "destructive",
};

export function RolloutStatusBadge({ status, ...props }: { status: RolloutStatus } & BadgeProps) {
  return (
    <Badge variant={STATUS_VARIANT[status]} {...props}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

const ACTION_VARIANT: Record<DecisionAction, NonNullable<BadgeProps["variant"]>> = {
  start: "info",
  hold: "secondary",
  advance: "info",
  promote: "success",
  rollback: "destructive",
  pause: "warning",
  resume: "outline",
  approve: "outline",
  fail: "destructive",
};

const ACTION_LABELS: Record<DecisionAction, string> = {
  start: "start",
  hold: "hold",
  advance: "advance",
  promote: "promote",
  rollback: "roll back",
  pause: "pause",
  resume: "resume",
  approve: "approve",
  fail: "fail",
};

export function DecisionActionBadge({ action }: { action: DecisionAction }) {
  return <Badge variant={ACTION_VARIANT[action]}>{ACTION_LABELS[action]}</Badge>;
}
