import { Badge } from "@/components/ui/badge";
import type { PlanRequestDto } from "@/lib/plan-requests/loaders";

const STATUS: Record<
  PlanRequestDto["status"],
  { label: string; variant: "warning" | "success" | "destructive" | "secondary" }
> = {
  PENDING: { label: "Waiting for a decision", variant: "warning" },
  APPROVING: { label: "Being approved", variant: "warning" },
  APPROVED: { label: "Approved", variant: "success" },
  DECLINED: { label: "Declined", variant: "destructive" },
  WITHDRAWN: { label: "Withdrawn", variant: "secondary" },
};

/** A plan request's status in words, for partners and operators alike. */
export function RequestStatus({ status }: { status: PlanRequestDto["status"] }) {
  const s = STATUS[status];
  return <Badge variant={s.variant}>{s.label}</Badge>;
}
