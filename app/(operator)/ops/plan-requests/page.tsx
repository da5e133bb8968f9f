import type { Metadata } from "next";
import { Inbox } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PageReadError } from "@/components/page-read-error";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";
import { readPage } from "@/lib/page-read";
import { loadPlanRequests, type PlanRequestDto } from "@/lib/plan-requests/loaders";
import { RequestStatus } from "@/components/plan-requests/request-status";
import { PlanRequestActions } from "./_components/plan-request-actions";

export const metadata: Metadata = { title: "Plan requests" };

function RequestCard({ r, manage }: { r: PlanRequestDto; manage: boolean }) {
  const open = r.status === "PENDING";
  return (
    <Card data-testid="plan-request">
      <CardHeader>
        <CardTitle level={3} className="flex flex-wrap items-center gap-2 text-base">
          {r.tenantName}: {r.fromPlanName ?? "no plan"} → {r.toPlanName}
          <RequestStatus status={r.status} />
        </CardTitle>
        <CardDescription>
          Asked by {r.requestedBy} · {formatDateTime(r.createdAt)}
          {r.decidedBy ? ` · decided by ${r.decidedBy}` : ""}
          {r.decidedAt ? ` on ${formatDateTime(r.decidedAt)}` : ""}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <p className="whitespace-pre-wrap">{r.message}</p>
        {r.reason ? <p className="whitespace-pre-wrap">Reason given: {r.reason}</p> : null}
        {open && manage ? (
          <PlanRequestActions
            requestId={r.id}
            tenantName={r.tenantName}
            fromPlanName={r.fromPlanName}
            toPlanName={r.toPlanName}
          />
        ) : null}
      </CardContent>
    </Card>
  );
}

/** Partners' requests for another usage plan: the open ones to decide, then the recent decisions. */
export default async function PlanRequestsPage() {
  const actor = await requirePermission("ops.view");
  const read = await readPage(loadPlanRequests(actor, { take: 100 }));
  if (!read.ok) return <PageReadError title="Plan requests could not be loaded" message={read.message} />;
  const manage = can(actor.role, "plans.manage");
  const open = read.data.filter((r) => r.status === "PENDING" || r.status === "APPROVING");
  const decided = read.data.filter((r) => !open.includes(r));
  return (
    <>
      <PageHeader
        title="Plan requests"
        description="Partners ask here for another usage plan (the set of limits their API keys get). Approving moves the tenant's keys to the requested plan — on the new plan first, then off the old one, so calls see no gap where AWS allows it."
      />
      <section aria-labelledby="open-requests" className="grid gap-3">
        <h2 id="open-requests" className="text-lg font-semibold">
          Waiting for a decision ({open.length})
        </h2>
        {open.length === 0 ? (
          <EmptyState icon={<Inbox />} title="Nothing to decide" description="New requests appear here." />
        ) : (
          open.map((r) => <RequestCard key={r.id} r={r} manage={manage} />)
        )}
      </section>
      {decided.length > 0 ? (
        <section aria-labelledby="decided-requests" className="mt-8 grid gap-3">
          <h2 id="decided-requests" className="text-lg font-semibold">
            Recently decided
          </h2>
          {decided.map((r) => (
            <RequestCard key={r.id} r={r} manage={manage} />
          ))}
        </section>
      ) : null}
    </>
  );
}
