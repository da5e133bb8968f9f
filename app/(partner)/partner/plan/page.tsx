import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PageReadError } from "@/components/page-read-error";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { readPage } from "@/lib/page-read";
import { loadPlanChoices, loadPlanRequests } from "@/lib/plan-requests/loaders";
import { env } from "@/lib/env";
import { quotaWords, throttleWords } from "@/lib/plans/plan-words";
import { loadMyPlans } from "@/lib/plans/loaders";
import { PlanRequestsCard } from "./_components/plan-requests-card";

export const metadata: Metadata = { title: "Plan" };

/** The invoke URL of a REST API stage: AWS's execute-api host, or the Local Gateway's data-plane path. */
function invokeUrl(apiId: string, stage: string): string {
  if (env.TOLLGATE_MODE === "local" && env.awsEndpoint)
    return `${env.awsEndpoint}/restapis/${apiId}/${stage}/_user_request_/`;
  return `https://${apiId}.execute-api.${env.AWS_REGION}.amazonaws.com/${stage}/`;
}

export default async function PartnerPlanPage() {
  const actor = await requirePermission("partner.view");
  const [plans, requests, choices] = await Promise.all([
    loadMyPlans(actor),
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
                  const curl = `curl -H "x-api-key: $API_KEY" ${invokeUrl(s.apiId, s.stage)}`;
                  return (
                    <div key={`${s.apiId}:${s.stage}`} className="grid gap-1">
                      <div className="font-medium">
                        API {s.apiId}, stage {s.stage}
                      </div>
                      <div className="flex items-center gap-2 rounded border bg-muted p-2">
                        <code className="grow font-mono text-xs break-all">{curl}</code>
                        <CopyButton value={curl} label={`Copy curl example for ${s.stage}`} />
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
