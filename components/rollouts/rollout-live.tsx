"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Stat, StatGrid } from "@/components/ui/stat";
import type { RolloutDetailDto } from "@/lib/canary/types";
import { formatDateTime } from "@/lib/format";
import { rolloutQuery } from "@/lib/query-options/rollouts";
import { DecisionLog } from "./decision-log";
import { RolloutCharts } from "./rollout-charts";
import { RolloutControls } from "./rollout-controls";
import { RolloutStatusBadge } from "./status-badge";
import { StepTimeline } from "./step-timeline";

/** A clock for "held 12 s of 60 s"; null until mounted so the server and the first client render agree. */
function useNow(active: boolean): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const every = active ? setInterval(tick, 1000) : undefined;
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }, [active]);
  return now;
}

/**
 * The live view of one rollout: polls GET /api/ops/rollouts/[id] every 3 seconds while it runs (the server page
 * passes the first copy), and stops once it is promoted, rolled back or failed.
 */
export function RolloutLive({ initial, manage }: { initial: RolloutDetailDto; manage: boolean }) {
  const q = useQuery({ ...rolloutQuery(initial.id), initialData: initial });
  const r = q.data;
  const active = r.status === "running" || r.status === "paused";
  const now = useNow(active);
  const stageHref = `/ops/apis/rest/${r.restApiId}/stages/${encodeURIComponent(r.stageName)}`;
  const evaluations = r.decisions.filter((d) => d.metrics !== null).length;
  const awaitingApproval = r.decisions[0]?.reason === "awaiting-approval" && active && !r.approved;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span>
          Status: <RolloutStatusBadge status={r.status} data-testid="rollout-status" />
        </span>
        <span className="text-muted-foreground">
          API{" "}
          <Link href={`/ops/apis/rest/${r.restApiId}`} className="text-primary hover:underline">
            {r.apiName}
          </Link>{" "}
          · stage{" "}
          <Link href={stageHref} className="text-primary hover:underline">
            {r.stageName}
          </Link>
        </span>
        {q.error ? (
          <span role="status" className="text-xs text-destructive">
            Could not refresh: {q.error.message}
          </span>
        ) : active ? (
          <span className="text-xs text-muted-foreground">Updates every 3 seconds.</span>
        ) : null}
      </div>
      {r.lastError ? (
        <Alert variant={r.status === "failed" ? "destructive" : "warning"} title="Last error">
          {r.lastError}
        </Alert>
      ) : null}
      {awaitingApproval ? (
        <Alert variant="info" title="Waiting for approval">
          Every step passed its checks. The canary is promoted once an operator approves.
        </Alert>
      ) : null}
      <StatGrid>
        <Stat
          label="Canary's share of traffic"
          value={
            <span className="text-4xl" data-testid="rollout-percent">
              {r.currentPercent} %
            </span>
          }
          hint={
            r.status === "promoted"
              ? "Promoted: the new deployment serves everything."
              : r.status === "rolled_back" || r.status === "failed"
                ? "Everything goes to the base deployment."
                : `The other ${100 - r.currentPercent} % go to the base deployment.`
          }
        />
        <Stat
          label="Step"
          value={`${Math.min(r.stepIndex + 1, r.plan.steps.length)} of ${r.plan.steps.length}`}
          hint={`${evaluations} evaluation${evaluations === 1 ? "" : "s"} with metrics, every ${r.evaluationSeconds} s`}
        />
        <Stat
          label="Failed checks"
          value={
            <span data-testid="rollout-failed-checks">
              {r.failedChecks} of {r.plan.failureThreshold}
            </span>
          }
          hint={
            active
              ? `At ${r.plan.failureThreshold} the rollout rolls back on its own.`
              : "Counted over the whole rollout."
          }
        />
        <Stat
          label={active ? "Next evaluation" : "Ended"}
          value={
            <span className="text-base">
              {active
                ? r.status === "paused"
                  ? "paused"
                  : formatDateTime(r.nextEvaluationAt)
                : r.finishedAt
                  ? formatDateTime(r.finishedAt)
                  : "—"}
            </span>
          }
          hint={`Started ${formatDateTime(r.createdAt)} by ${r.createdByEmail}`}
        />
      </StatGrid>
      <div className="grid items-start gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <CardHeader>
            <CardTitle>Deployments</CardTitle>
            <CardDescription>
              The base is the deployment the stage served when the rollout started; the canary is the new one
              that receives a growing share of requests.
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-muted-foreground">Base deployment</dt>
              <dd className="font-mono" data-testid="rollout-base">
                {r.baseDeploymentId}
              </dd>
              <dt className="text-muted-foreground">Canary deployment</dt>
              <dd className="font-mono" data-testid="rollout-canary">
                {r.canaryDeploymentId}
              </dd>
              <dt className="text-muted-foreground">Canary&apos;s stage variables</dt>
              <dd className="font-mono text-xs">
                {Object.keys(r.overrides).length === 0
                  ? "same as the stage"
                  : Object.entries(r.overrides)
                      .map(([k, v]) => `${k}=${v}`)
                      .join(", ")}
              </dd>
            </dl>
            {manage ? <RolloutControls rollout={r} /> : null}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Steps</CardTitle>
          </CardHeader>
          <CardContent>
            <StepTimeline rollout={r} now={now} />
          </CardContent>
        </Card>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>What the engine saw</CardTitle>
          <CardDescription>
            At each evaluation: the 5XX rate (share of requests answered with a server error), the p99 latency
            (99 % of requests were faster than this) and the canary&apos;s request count. Red dashed lines are
            the gates.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <RolloutCharts rollout={r} decisions={r.decisions} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Decision log</CardTitle>
          <CardDescription>
            Every decision, newest first, with the metrics and gate checks it was based on.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <DecisionLog decisions={r.decisions} />
        </CardContent>
      </Card>
    </div>
  );
}
