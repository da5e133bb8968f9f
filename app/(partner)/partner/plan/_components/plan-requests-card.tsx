import { RequestStatus } from "@/components/plan-requests/request-status";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import type { PlanChoiceDto, PlanRequestDto } from "@/lib/plan-requests/loaders";
import { PlanRequestForm } from "./plan-request-form";
import { WithdrawRequestButton } from "./withdraw-request-button";

/** The plan-change request of the tenant: the open one (or the form to send one) and the recent history. */
export function PlanRequestsCard({
  requests,
  choices,
  current,
  canRequest,
}: {
  requests: PlanRequestDto[];
  choices: PlanChoiceDto[];
  current: PlanChoiceDto[];
  canRequest: boolean;
}) {
  const open = requests.find((r) => r.status === "PENDING" || r.status === "APPROVING");
  const past = requests.filter((r) => r !== open).slice(0, 5);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Change your plan</CardTitle>
        <CardDescription>
          Ask your API provider for another usage plan (more or fewer requests). An operator approves or
          declines it; when approved your existing keys move to the new plan and keep working.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 text-sm">
        {open ? (
          <div className="grid gap-2 rounded border p-3" aria-label="Open plan request">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">Requested: {open.toPlanName}</span>
              <RequestStatus status={open.status} />
            </div>
            <p className="text-muted-foreground">
              Sent {formatDateTime(open.createdAt)} by {open.requestedBy}
            </p>
            <p className="whitespace-pre-wrap">{open.message}</p>
            {canRequest && open.status === "PENDING" ? (
              <div>
                <WithdrawRequestButton requestId={open.id} planName={open.toPlanName} />
              </div>
            ) : null}
          </div>
        ) : !canRequest ? (
          <p className="text-muted-foreground">
            Only an owner of your organisation can ask for another plan.
          </p>
        ) : choices.length === 0 ? (
          <p className="text-muted-foreground">There is no other plan to ask for at the moment.</p>
        ) : (
          <PlanRequestForm choices={choices} current={current} />
        )}
        {past.length > 0 ? (
          <div className="grid gap-2">
            <h3 className="font-medium">Earlier requests</h3>
            <ul className="grid gap-2">
              {past.map((r) => (
                <li key={r.id} className="grid gap-1 rounded border p-2">
                  <div className="flex flex-wrap items-center gap-2">
                    <span>{r.toPlanName}</span>
                    <RequestStatus status={r.status} />
                    <span className="text-muted-foreground">
                      {formatDateTime(r.decidedAt ?? r.createdAt)}
                    </span>
                  </div>
                  {r.reason ? <p className="whitespace-pre-wrap">Reason: {r.reason}</p> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
