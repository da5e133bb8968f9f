import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ArmMetrics } from "@/lib/canary/analysis";
import { describeCheck } from "@/lib/canary/observe";
import type { DecisionDto } from "@/lib/canary/types";
import { formatDateTime } from "@/lib/format";
import { DecisionActionBadge } from "./status-badge";

const pct = (a: ArmMetrics) =>
  a.requests > 0 ? `${((a.errors5xx / a.requests) * 100).toFixed(2).replace(/\.?0+$/, "")} %` : "—";

function Arm({ arm }: { arm: ArmMetrics }) {
  return (
    <dl className="grid grid-cols-[auto_auto] gap-x-2 text-xs whitespace-nowrap tabular-nums">
      <dt className="text-muted-foreground">requests</dt>
      <dd>{arm.requests.toLocaleString("en-US")}</dd>
      <dt className="text-muted-foreground">5XX</dt>
      <dd>{pct(arm)}</dd>
      <dt className="text-muted-foreground">p99</dt>
      <dd>{arm.p99Ms === null ? "—" : `${Math.round(arm.p99Ms)} ms`}</dd>
    </dl>
  );
}

/**
 * Every decision, newest first, with the metrics and gate checks it was based on. The checks sit under the decision
 * they explain (not in a column of their own) so nothing is cut off at laptop widths.
 */
export function DecisionLog({ decisions }: { decisions: readonly DecisionDto[] }) {
  if (decisions.length === 0) return <p className="text-sm text-muted-foreground">No decisions yet.</p>;
  return (
    <Table aria-label="Decision log">
      <TableHeader>
        <TableRow>
          <TableHead>Time</TableHead>
          <TableHead>Action</TableHead>
          <TableHead>Step</TableHead>
          <TableHead className="min-w-80">Why, and the checks applied</TableHead>
          <TableHead>Canary</TableHead>
          <TableHead>Base</TableHead>
          <TableHead>By</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {decisions.map((d) => (
          <TableRow key={d.id} data-action={d.action} data-reason={d.reason} className="align-top">
            <TableCell className="text-xs whitespace-nowrap">{formatDateTime(d.at)}</TableCell>
            <TableCell>
              <DecisionActionBadge action={d.action} />
              {d.applied === null ? (
                <span className="mt-1 block text-xs text-muted-foreground">applying…</span>
              ) : null}
            </TableCell>
            <TableCell className="text-xs whitespace-nowrap">
              {d.stepIndex + 1} · {d.percent} %
            </TableCell>
            <TableCell className="text-sm whitespace-normal">
              <p>{d.explanation}</p>
              {d.checks.length > 0 ? (
                <ul className="mt-2 flex flex-col gap-1" aria-label="Checks">
                  {d.checks.map((c) => (
                    <li key={c.gate}>
                      <Badge
                        variant={c.passed ? "success" : "destructive"}
                        className="h-auto text-left whitespace-normal"
                      >
                        <span className="sr-only">{c.passed ? "passed: " : "failed: "}</span>
                        {describeCheck(c)}
                      </Badge>
                    </li>
                  ))}
                </ul>
              ) : null}
            </TableCell>
            <TableCell>{d.metrics ? <Arm arm={d.metrics.canary} /> : "—"}</TableCell>
            <TableCell>{d.metrics ? <Arm arm={d.metrics.base} /> : "—"}</TableCell>
            <TableCell className="text-xs">{d.actorEmail}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
