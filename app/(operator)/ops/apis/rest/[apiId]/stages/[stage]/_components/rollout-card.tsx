import Link from "next/link";
import { RolloutStatusBadge } from "@/components/rollouts/status-badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { RolloutDto } from "@/lib/canary/types";

/**
 * The stage's automated rollout: a summary and a link to its live view while one runs, otherwise what a stepped
 * canary rollout is and (for operators who may change the stage) the way to start one.
 */
export function RolloutCard({
  restApiId,
  stageName,
  rollout,
  manage,
}: {
  restApiId: string;
  stageName: string;
  rollout: RolloutDto | null;
  manage: boolean;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          Automated rollout {rollout ? <RolloutStatusBadge status={rollout.status} /> : null}
        </CardTitle>
        <CardDescription>
          A stepped canary rollout moves this stage to a new deployment (a frozen snapshot of the API) a
          little at a time: the canary — the new deployment — first gets a small share of requests (say 5 %),
          then more. Before each step Tollgate compares the canary&apos;s 5XX rate (server errors) and p99
          latency (the time 99 % of requests stay under) with the base, the deployment serving the rest.
          Healthy steps advance; repeated failed checks roll it back on their own.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {rollout ? (
          <div className="flex flex-wrap items-center justify-between gap-4">
            <dl className="grid grid-cols-3 gap-6 text-sm">
              <div>
                <dt className="text-muted-foreground">Canary&apos;s share</dt>
                <dd className="text-2xl font-semibold tabular-nums">{rollout.currentPercent} %</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Step</dt>
                <dd className="text-2xl font-semibold tabular-nums">
                  {rollout.stepIndex + 1} of {rollout.plan.steps.length}
                </dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Canary deployment</dt>
                <dd className="font-mono">{rollout.canaryDeploymentId}</dd>
              </div>
            </dl>
            <Link href={`/ops/rollouts/${rollout.id}`} className={buttonVariants()}>
              Open the live view
            </Link>
          </div>
        ) : manage ? (
          <div className="flex flex-wrap items-center justify-between gap-4">
            <p className="text-sm text-muted-foreground">
              No rollout is running on this stage. The defaults (5 → 10 → 25 → 50 %, then promote) start with
              one click; every setting can be changed first.
            </p>
            <Link
              href={`/ops/apis/rest/${restApiId}/stages/${encodeURIComponent(stageName)}/rollout`}
              className={buttonVariants()}
            >
              Start a rollout
            </Link>
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">No rollout is running on this stage.</p>
        )}
      </CardContent>
    </Card>
  );
}
