import type { Metadata } from "next";
import Link from "next/link";
import { Freshness } from "@/components/inventory/freshness";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { loadDrift } from "@/lib/inventory/drift";
import { EndSubscriptionButton, ForgetKeyButton } from "./_components/drift-actions";

export const metadata: Metadata = { title: "Drift" };

function Section({
  title,
  description,
  count,
  children,
  testId,
}: {
  title: string;
  description: string;
  count: number;
  children: React.ReactNode;
  testId: string;
}) {
  return (
    <Card data-testid={testId}>
      <CardHeader>
        <CardTitle>
          {title} <span className="text-muted-foreground">({count})</span>
        </CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>
        {count === 0 ? (
          <p className="text-sm text-muted-foreground">None.</p>
        ) : (
          <ul className="flex flex-col gap-2 text-sm">{children}</ul>
        )}
      </CardContent>
    </Card>
  );
}

export default async function DriftPage() {
  const actor = await requirePermission("ops.view");
  const d = await loadDrift(actor);
  const keys = can(actor.role, "keys.manage");
  const plans = can(actor.role, "plans.manage");
  return (
    <>
      <PageHeader
        title="Drift"
        description="Where Tollgate's records and API Gateway disagree, each with what resolves it. Read from the inventory and the usage sync's key listing; no AWS call."
      />
      <Freshness actor={actor} target={{ kind: "all" }} />
      <div className="flex flex-col gap-6">
        <Section
          testId="drift-orphan-keys"
          title="Keys in AWS that no tenant owns"
          description="API keys the usage sync found in AWS with no Tollgate record (created in the AWS console, CLI or by a failed operation). Delete them in AWS, or find who created them."
          count={d.orphanKeys.total}
        >
          {d.orphanKeys.items.map((k) => {
            const cmd = `aws apigateway delete-api-key --api-key ${k.id}`;
            return (
              <li key={k.id} className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{k.name || "(unnamed)"}</span>
                <span className="font-mono text-xs">{k.id}</span>
                <span className="font-mono text-xs text-muted-foreground">{cmd}</span>
                <CopyButton value={cmd} label={`Copy the command that deletes ${k.id}`} />
              </li>
            );
          })}
        </Section>
        <Section
          testId="drift-keys-gone"
          title="Key records whose AWS key is gone"
          description="Tollgate lists these keys as live, but the last usage sync did not find them in AWS (deleted outside Tollgate). Mark the record deleted; the tenant can create a new key."
          count={d.keysGone.length}
        >
          {d.keysGone.map((k) => (
            <li key={k.keyId} className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{k.label}</span>
              <span className="font-mono text-xs">{k.keyId}</span>
              <span className="text-muted-foreground">{k.tenantName}</span>
              {keys ? <ForgetKeyButton keyId={k.keyId} label={k.label} /> : null}
            </li>
          ))}
        </Section>
        <Section
          testId="drift-plans-no-stages"
          title="Usage plans without stages"
          description="A plan with no API stage limits nothing: its keys can call no API through it. Add a stage to the plan or delete it."
          count={d.plansWithoutStages.length}
        >
          {d.plansWithoutStages.map((p) => (
            <li key={p.plan.id} className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{p.plan.name}</span>
              <span className="font-mono text-xs">{p.plan.id}</span>
              <span className="text-muted-foreground">{p.keyCount ?? "?"} keys</span>
              <Link href="/ops/usage-plans" className="text-primary underline-offset-4 hover:underline">
                Edit on Usage plans
              </Link>
            </li>
          ))}
        </Section>
        <Section
          testId="drift-plan-stages-gone"
          title="Plan stages that no longer exist"
          description="A plan covers a REST API stage the inventory does not have (deleted outside Tollgate). Remove the stage from the plan."
          count={d.planStagesGone.length}
        >
          {d.planStagesGone.map((s) => (
            <li key={`${s.planId}/${s.apiId}/${s.stage}`} className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{s.planName}</span>
              <span className="font-mono text-xs">
                {s.apiId}/{s.stage}
              </span>
              <Link href="/ops/usage-plans" className="text-primary underline-offset-4 hover:underline">
                Edit on Usage plans
              </Link>
            </li>
          ))}
        </Section>
        <Section
          testId="drift-subscriptions"
          title="Subscriptions to deleted plans"
          description={
            d.ready
              ? "Tenants still subscribed, in Tollgate, to a usage plan that no longer exists in AWS. End the subscription."
              : "Shown once the inventory has finished its first sync."
          }
          count={d.subscriptionsToGonePlans.length}
        >
          {d.subscriptionsToGonePlans.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{s.tenantName}</span>
              <span className="font-mono text-xs">{s.usagePlanId}</span>
              {plans ? (
                <EndSubscriptionButton id={s.id} tenant={s.tenantName} planId={s.usagePlanId} />
              ) : null}
            </li>
          ))}
        </Section>
      </div>
    </>
  );
}
