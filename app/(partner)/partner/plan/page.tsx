import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PageReadError } from "@/components/page-read-error";
import { requirePermission } from "@/lib/auth/page-guard";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { readPage } from "@/lib/page-read";
import { loadPlanChoices, loadPlanRequests } from "@/lib/plan-requests/loaders";
import { quotaWords, throttleWords } from "@/lib/plans/plan-words";
import { loadMyPlans } from "@/lib/plans/loaders";
import { loadPlanExamples } from "@/lib/portal/loaders";
import { PlanRequestsCard } from "./_components/plan-requests-card";

export const metadata: Metadata = { title: "Plan" };

export default async function PartnerPlanPage() {
  const actor = await requirePermission("partner.view");
  // The examples call a real operation of each API (from its OpenAPI document), so they work as written.
  const [plans, examples, requests, choices] = await Promise.all([
    loadMyPlans(actor),
    loadPlanExamples(actor),
    readPage(loadPlanRequests(actor, { take: 6 })),
    readPage(loadPlanChoices(actor)),
  ]);
  return (
    <>
      <PageHeader
        title="Your plan"
        description="What your usage plan allows. Throttling limits how fast you may call (over it, API Gateway answers 429 Too Many Requests); the quota limits how many calls each key may make per period (over it, 429 Limit Exceeded)."
      />
      {plans.length === 0 ? (
        <EmptyState
          title="No plan yet"
          description="Your API provider has not subscribed your organisation to a usage plan."
        />
      ) : (
        <div className="grid gap-4">
          {plans.map((p) => (
            <Card key={p.id}>
              <CardHeader>
                <CardTitle>{p.name}</CardTitle>
                <CardDescription>{p.description}</CardDescription>
              </CardHeader>
              <CardContent className="grid gap-3 text-sm">
                <p>
                  <span className="text-muted-foreground">Rate: </span>
                  {throttleWords(p)}
                </p>
                <p>
                  <span className="text-muted-foreground">Quota: </span>
                  {quotaWords(p)} per key
                </p>
                {p.apiStages.map((s) => {
                  const ex = examples[`${s.apiId}:${s.stage}`];
                  if (!ex) return null;
                  return (
                    <div key={`${s.apiId}:${s.stage}`} className="grid gap-1">
                      <div className="font-medium">
                        {ex.reference ? (
                          <Link href={ex.reference} className="hover:underline">
                            {ex.name} · {s.stage}
                          </Link>
                        ) : (
                          `${ex.name} · ${s.stage}`
                        )}
                        {ex.operation ? (
                          <span className="font-normal text-muted-foreground"> — calls {ex.operation}</span>
                        ) : null}
                      </div>
                      <div className="flex items-center gap-2 rounded border bg-muted p-2">
                        <code
                          className="grow font-mono text-xs break-all"
                          data-testid={`curl-${s.apiId}-${s.stage}`}
                        >
                          {ex.curl}
                        </code>
                        <CopyButton value={ex.curl} label={`Copy curl example for ${ex.name} ${s.stage}`} />
                      </div>
                    </div>
                  );
                })}
              </CardContent>
            </Card>
          ))}
        </div>
      )}
      <div className="mt-6">
        {requests.ok && choices.ok ? (
          <PlanRequestsCard
            requests={requests.data}
            choices={choices.data.choices}
            current={choices.data.current}
            canRequest={can(actor.role, "plans.request")}
          />
        ) : (
          <PageReadError
            title="Plan requests could not be loaded"
            message={requests.ok ? (choices.ok ? "" : choices.message) : requests.message}
          />
        )}
      </div>
    </>
  );
}
