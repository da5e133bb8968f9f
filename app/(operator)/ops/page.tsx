import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import type { Actor } from "@/lib/auth/actor";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { loadApiList } from "@/lib/apis/loaders";
import { formatDateTime } from "@/lib/format";
import { log } from "@/lib/log";
import { loadAuditEvents } from "@/lib/audit/loaders";
import { loadTenants } from "@/lib/tenants/loaders";
import { Freshness } from "@/components/inventory/freshness";
import { OutsideChangesCard } from "@/components/inventory/outside-changes";

export const metadata: Metadata = { title: "Overview" };

export default async function OpsHome() {
  const actor = await requirePermission("ops.view");
  const [tenants, audit] = await Promise.all([
    loadTenants(actor),
    can(actor.role, "audit.read") ? loadAuditEvents(actor, { page: 1, pageSize: 8 }) : null,
  ]);
  const suspended = tenants.filter((t) => t.status === "SUSPENDED").length;
  return (
    <>
      <PageHeader title={`Welcome, ${actor.name}`} description="Your API Gateway estate at a glance." />
      <StatGrid>
        <Stat label="Tenants" value={tenants.length} hint={`${suspended} suspended`} />
        <Stat label="Partner users" value={tenants.reduce((n, t) => n + t.userCount, 0)} />
      </StatGrid>
      {/* The gateway part streams in, so a slow or unreachable API Gateway never holds up the overview. */}
      <Suspense fallback={<Skeleton className="mt-4 h-24 w-full" />}>
        <GatewaySummary actor={actor} />
      </Suspense>
      {audit ? (
        <Card className="mt-6">
          <CardHeader>
            <CardTitle>Recent activity</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="flex flex-col gap-1 text-sm">
              {audit.events.map((e) => (
                <li key={e.id} className="flex flex-wrap gap-x-2">
                  <span className="text-muted-foreground">{formatDateTime(e.at)}</span>
                  <span>{e.actorEmail}</span>
                  <span className="font-mono text-xs">{e.action}</span>
                  <span className="text-muted-foreground">{e.outcome}</span>
                </li>
              ))}
            </ul>
            <Link
              href="/ops/audit"
              className="mt-3 inline-block text-sm text-primary underline-offset-4 hover:underline"
            >
              Open the audit trail
            </Link>
          </CardContent>
        </Card>
      ) : null}
    </>
  );
}

async function GatewaySummary({ actor }: { actor: Actor }) {
  // An unreachable gateway must not take the overview down; the APIs page explains the error.
  const apis = await loadApiList(actor).catch((err: unknown) => {
    log.warn({ err }, "overview: API Gateway could not be read");
    return null;
  });
  const canaries = apis?.flatMap((a) => a.canaryStages.map((s) => ({ api: a, stage: s }))) ?? [];
  return (
    <>
      <div className="mt-4">
        <Freshness actor={actor} target={{ kind: "all" }} />
      </div>
      <OutsideChangesCard actor={actor} />
      <StatGrid className="mt-4">
        <Stat
          label="APIs"
          value={apis ? apis.length : "—"}
          hint={apis ? `${apis.reduce((n, a) => n + a.stages.length, 0)} stages` : "API Gateway unreachable"}
        />
        <Stat label="Canaries running" value={apis ? canaries.length : "—"} />
      </StatGrid>
      {canaries.length > 0 ? (
        <Card className="mt-6">
          <CardHeader>
            <CardTitle>Canary releases in progress</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="flex flex-col gap-1 text-sm">
              {canaries.map(({ api, stage }) => (
                <li key={`${api.id}/${stage}`}>
                  <Link
                    href={`/ops/apis/rest/${api.id}/stages/${encodeURIComponent(stage)}`}
                    className="text-primary underline-offset-4 hover:underline"
                  >
                    {api.name} / {stage}
                  </Link>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      ) : null}
    </>
  );
}
