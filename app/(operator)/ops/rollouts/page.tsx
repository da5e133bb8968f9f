import type { Metadata } from "next";
import { Split } from "lucide-react";
import Link from "next/link";
import { RolloutStatusBadge } from "@/components/rollouts/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/format";
import { loadRollouts } from "@/lib/canary/loaders";

export const metadata: Metadata = { title: "Rollouts" };

export default async function RolloutsPage() {
  const actor = await requirePermission("ops.view");
  const rollouts = await loadRollouts(actor);
  return (
    <>
      <PageHeader
        title="Rollouts"
        description="Automated canary rollouts, newest first. Each one moves a stage to a new deployment in steps, checking the canary's errors and latency against the base before every step, and rolls back on its own when the checks fail."
      />
      {rollouts.length === 0 ? (
        <EmptyState
          icon={<Split />}
          title="No rollouts yet"
          description="Start one from a REST API stage's page (APIs → an API → a stage → Start a rollout)."
          action={
            <Link href="/ops/apis" className="text-sm font-medium text-primary hover:underline">
              Go to the APIs
            </Link>
          }
        />
      ) : (
        <Table aria-label="Rollouts">
          <TableHeader>
            <TableRow>
              <TableHead>Status</TableHead>
              <TableHead>API</TableHead>
              <TableHead>Stage</TableHead>
              <TableHead className="text-right">Canary share</TableHead>
              <TableHead>Step</TableHead>
              <TableHead>Started by</TableHead>
              <TableHead>Started</TableHead>
              <TableHead>
                <span className="sr-only">Open</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rollouts.map((r) => (
              <TableRow key={r.id} data-testid={`rollout-${r.id}`}>
                <TableCell>
                  <RolloutStatusBadge status={r.status} />
                </TableCell>
                <TableCell>
                  <Link href={`/ops/apis/rest/${r.restApiId}`} className="text-primary hover:underline">
                    {r.apiName}
                  </Link>
                </TableCell>
                <TableCell>
                  <Link
                    href={`/ops/apis/rest/${r.restApiId}/stages/${encodeURIComponent(r.stageName)}`}
                    className="text-primary hover:underline"
                  >
                    {r.stageName}
                  </Link>
                </TableCell>
                <TableCell className="text-right tabular-nums">{r.currentPercent} %</TableCell>
                <TableCell className="text-xs">
                  {Math.min(r.stepIndex + 1, r.plan.steps.length)} of {r.plan.steps.length}
                </TableCell>
                <TableCell className="text-xs">{r.createdByEmail}</TableCell>
                <TableCell className="text-xs whitespace-nowrap">{formatDateTime(r.createdAt)}</TableCell>
                <TableCell className="text-right">
                  <Link
                    href={`/ops/rollouts/${r.id}`}
                    className="text-sm font-medium text-primary hover:underline"
                    aria-label={`Open the rollout to ${r.apiName} / ${r.stageName} started ${formatDateTime(r.createdAt)}`}
                  >
                    Open
                  </Link>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
