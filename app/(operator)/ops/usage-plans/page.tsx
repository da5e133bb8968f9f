import type { Metadata } from "next";
import { Layers } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { readPage } from "@/lib/page-read";
import { quotaWords, throttleWords } from "@/lib/plans/plan-words";
import { Freshness } from "@/components/inventory/freshness";
import { PlanActions } from "./_components/plan-actions";
import { PlanDialog } from "./_components/plan-dialog";
import { SubscriptionControls } from "./_components/subscription-controls";
import { SyncPanel } from "./_components/sync-panel";
import { loadUsagePlans } from "@/lib/plans/loaders";

export const metadata: Metadata = { title: "Usage plans" };

export default async function UsagePlansPage() {
  const actor = await requirePermission("ops.view");
  const manage = can(actor.role, "plans.manage");
  const read = await readPage(loadUsagePlans(actor));
  if (!read.ok)
    return (
      <>
        <PageHeader title="Usage plans" />
        <EmptyState title="API Gateway could not be reached" description={read.message} />
      </>
    );
  const { plans, stages, subs, tenants, keyCounts } = read.data;
  const stageOptions = stages.flatMap((a) =>
    a.stages.map((s) => ({ value: `${a.apiId}:${s}`, label: `${a.apiName} · ${s}` })),
  );
  const apiName = new Map(stages.map((a) => [a.apiId, a.apiName]));
  return (
    <>
      <PageHeader
        title="Usage plans"
        description="A usage plan sets how fast (throttle: requests a second, with a burst allowance) and how much (quota: requests a day, week or month) the API keys in it may call the API stages it covers. Tenants subscribed to a plan get their keys attached to it."
        actions={manage ? <PlanDialog stageOptions={stageOptions} /> : null}
      />
      <Freshness actor={actor} target={{ kind: "plans" }} />
      <SyncPanel />
      {plans.length === 0 ? (
        <EmptyState
          icon={<Layers />}
          title="No usage plans yet"
          description="Create a plan, pick the API stages it covers, then subscribe tenants."
        />
      ) : (
        <div className="mt-6 grid gap-4">
          {plans.map((p, i) => {
            const planSubs = subs.filter((s) => s.usagePlanId === p.id);
            return (
              <Card key={p.id} data-testid={`plan-${p.name}`}>
                <CardHeader>
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div>
                      <CardTitle>{p.name}</CardTitle>
                      <CardDescription>
                        {p.description || "No description"} · id {p.id}
                      </CardDescription>
                    </div>
                    {manage ? <PlanActions plan={p} stageOptions={stageOptions} /> : null}
                  </div>
                </CardHeader>
                <CardContent className="grid gap-3 text-sm">
                  <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-4">
                    <div>
                      <dt className="text-muted-foreground">Throttle</dt>
                      <dd>{throttleWords(p)}</dd>
                    </div>
                    <div>
                      <dt className="text-muted-foreground">Quota</dt>
                      <dd>{quotaWords(p)}</dd>
                    </div>
                    <div>
                      <dt className="text-muted-foreground">API stages</dt>
                      <dd className="flex flex-wrap gap-1">
                        {p.apiStages.length === 0
                          ? "None"
                          : p.apiStages.map((s) => (
                              <Badge key={`${s.apiId}:${s.stage}`} variant="secondary">
                                {apiName.get(s.apiId) ?? s.apiId} · {s.stage}
                              </Badge>
                            ))}
                      </dd>
                    </div>
                    <div>
                      <dt className="text-muted-foreground">Keys</dt>
                      <dd>{keyCounts[i] ?? "?"}</dd>
                    </div>
                  </dl>
                  <SubscriptionControls
                    plan={{ id: p.id, name: p.name }}
                    subscribers={planSubs.map((s) => ({ tenantId: s.tenantId, tenantName: s.tenantName }))}
                    tenants={tenants}
                    otherPlans={plans
                      .filter((o) => o.id !== p.id)
                      .map((o) => ({ value: o.id, label: o.name }))}
                    manage={manage}
                  />
                </CardContent>
              </Card>
            );
          })}
        </div>
      )}
    </>
  );
}
