"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { canaryHealth, HEALTH_WINDOW_MINUTES, type CanaryHealth } from "@/lib/canary/compare";
import { describeCheck } from "@/lib/canary/observe";
import { stageMetricsQuery } from "@/lib/query-options/metrics";
import { stageChange } from "@/lib/schemas/stages";
import type { DeploymentDto } from "@/lib/stages/types";
import { parseOverrides } from "./overrides";
import { issuesByField, useStage } from "./stage-context";

const label = (deployments: readonly DeploymentDto[], id: string) => {
  const d = deployments.find((x) => x.id === id);
  return d?.description ? `${d.description} (${id})` : id;
};

/**
 * A canary release sends a share of the stage's traffic to another deployment, with optional stage-variable
 * overrides. Shows base and canary side by side, and starts, re-weights, promotes or abandons the canary.
 */
export function CanaryCard({
  apiName,
  deployments,
  rolloutId = null,
}: {
  /** For the metrics the canary is compared on (the charts' own query, so no extra CloudWatch call). */
  apiName: string;
  deployments: readonly DeploymentDto[];
  /** An automated rollout manages the canary: its controls replace the manual ones here. */
  rolloutId?: string | null;
}) {
  const { stage, preview } = useStage();
  const canary = stage.canary;
  const [percent, setPercent] = useState(String(canary?.percentTraffic ?? 10));
  const [deploymentId, setDeploymentId] = useState(
    deployments.find((d) => d.id !== stage.deploymentId)?.id ?? "",
  );
  const [overrides, setOverrides] = useState("");
  const [useCache, setUseCache] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirmPromote, setConfirmPromote] = useState(false);
  // The same query (and cache entry) as the stage's charts at their default range: one GetMetricData call for both.
  const metrics = useQuery({
    ...stageMetricsQuery({ kind: "REST", api: apiName, stage: stage.stageName }, "1h", true),
    enabled: canary !== null,
  });
  const health: CanaryHealth | null = canary && metrics.data ? canaryHealth(metrics.data.points) : null;
  const worse = health?.state === "worse" ? health : null;

  function review(kind: "canary-percent" | "canary-start") {
    const o = parseOverrides(overrides);
    if (kind === "canary-start" && o.error) return setErrors({ stageVariableOverrides: o.error });
    const r = stageChange.safeParse(
      kind === "canary-percent"
        ? { kind, percentTraffic: percent }
        : {
            kind,
            deploymentId,
            percentTraffic: percent,
            stageVariableOverrides: o.values,
            useStageCache: useCache,
          },
    );
    if (!r.success) return setErrors(issuesByField(r.error.issues));
    setErrors({});
    preview(r.data);
  }

  const names = [
    ...new Set([...Object.keys(stage.variables), ...Object.keys(canary?.stageVariableOverrides ?? {})]),
  ].sort();
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          Canary release {canary ? <Badge variant="info">{canary.percentTraffic} % of traffic</Badge> : null}
        </CardTitle>
        <CardDescription>
          A canary sends a share of this stage&apos;s requests to another deployment so you can compare it
          with the base before everyone gets it. Promoting makes it the stage&apos;s deployment; abandoning
          sends all traffic back to the base.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {rolloutId ? (
          <Alert variant="info" title="Managed by an automated rollout">
            The rollout sets the canary&apos;s share, promotes it or rolls it back. Pause, promote or abort it
            from{" "}
            <Link href={`/ops/rollouts/${rolloutId}`} className="font-medium text-primary underline">
              the rollout&apos;s live view
            </Link>
            .
          </Alert>
        ) : null}
        {canary && worse ? (
          <Alert variant="destructive" title="The canary is doing worse than the base">
            <p>
              Over the last {HEALTH_WINDOW_MINUTES} minutes it fails the checks an automated rollout would
              roll it back on:
            </p>
            <ul className="mt-1 list-disc pl-5" aria-label="Failed canary checks">
              {worse.failed.map((c) => (
                <li key={c.gate}>{describeCheck(c)}</li>
              ))}
            </ul>
            <p className="mt-1">Abandoning it sends every request back to the base deployment.</p>
          </Alert>
        ) : null}
        {canary && health?.state === "not-enough-data" ? (
          <p className="text-xs text-muted-foreground" data-testid="canary-health">
            Not enough canary traffic to compare with the base yet: {health.requests} requests in the last{" "}
            {HEALTH_WINDOW_MINUTES} minutes, at least {health.minRequests} needed.
          </p>
        ) : null}
        {canary && health?.state === "healthy" ? (
          <p className="text-xs text-muted-foreground" data-testid="canary-health">
            Over the last {HEALTH_WINDOW_MINUTES} minutes the canary passes the rollout checks against the
            base.
          </p>
        ) : null}
        {canary ? (
          <>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead />
                  <TableHead>Base</TableHead>
                  <TableHead>Canary</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                <TableRow>
                  <TableCell className="font-medium">Deployment</TableCell>
                  <TableCell data-testid="base-deployment">
                    {label(deployments, stage.deploymentId)}
                  </TableCell>
                  <TableCell data-testid="canary-deployment">
                    {label(deployments, canary.deploymentId)}
                  </TableCell>
                </TableRow>
                <TableRow>
                  <TableCell className="font-medium">Traffic</TableCell>
                  <TableCell>{100 - canary.percentTraffic} %</TableCell>
                  <TableCell>{canary.percentTraffic} %</TableCell>
                </TableRow>
                {names.map((n) => {
                  const base = stage.variables[n];
                  const over = canary.stageVariableOverrides[n];
                  return (
                    <TableRow key={n}>
                      <TableCell className="font-mono text-xs">{n}</TableCell>
                      <TableCell className="font-mono text-xs">{base ?? "—"}</TableCell>
                      <TableCell className="font-mono text-xs">
                        {over !== undefined && over !== base ? (
                          <Badge variant="warning">{over}</Badge>
                        ) : (
                          (base ?? "—")
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
            {rolloutId ? null : (
              <div className="flex flex-wrap items-end gap-3">
                <FormField label="Canary traffic (%)" id="canary-percent" error={errors.percentTraffic}>
                  <Input
                    inputMode="decimal"
                    value={percent}
                    onChange={(e) => setPercent(e.target.value)}
                    className="w-28"
                  />
                </FormField>
                <Button size="sm" variant="outline" onClick={() => review("canary-percent")}>
                  Review percentage
                </Button>
                <Button
                  size="sm"
                  variant={worse ? "outline" : "default"}
                  onClick={() => (worse ? setConfirmPromote(true) : preview({ kind: "canary-promote" }))}
                >
                  Promote canary
                </Button>
                <Button size="sm" variant="destructive" onClick={() => preview({ kind: "canary-abandon" })}>
                  Abandon canary
                </Button>
              </div>
            )}
            <ConfirmDialog
              open={confirmPromote}
              onOpenChange={setConfirmPromote}
              destructive
              title="Promote a failing canary?"
              description={`The canary fails ${worse?.failed.length === 1 ? "a check" : "checks"} against the base (${worse?.failed.map(describeCheck).join("; ") ?? ""}). Promoting makes its deployment serve every request of ${stage.stageName}.`}
              confirmLabel="Review the promotion anyway"
              onConfirm={() => preview({ kind: "canary-promote" })}
            />
          </>
        ) : rolloutId ? null : (
          <div className="flex flex-col gap-3">
            <p className="text-sm text-muted-foreground">
              No canary on this stage. Start one on an existing deployment here, or use <em>Deploy</em> →
              “Deploy as a canary” to snapshot the API first.
            </p>
            <div className="grid gap-3 sm:grid-cols-2">
              <FormField label="Canary deployment" id="canary-deployment" error={errors.deploymentId}>
                <Select
                  value={deploymentId}
                  onChange={(e) => setDeploymentId(e.target.value)}
                  options={deployments.map((d) => ({
                    value: d.id,
                    label: `${label(deployments, d.id)}${d.id === stage.deploymentId ? " — serving" : ""}`,
                  }))}
                />
              </FormField>
              <FormField label="Canary traffic (%)" id="canary-start-percent" error={errors.percentTraffic}>
                <Input inputMode="decimal" value={percent} onChange={(e) => setPercent(e.target.value)} />
              </FormField>
            </div>
            <FormField
              label="Stage-variable overrides"
              id="canary-overrides"
              description="One name=value per line; the canary sees the stage's variables with these replaced."
              error={errors.stageVariableOverrides}
            >
              <Textarea value={overrides} onChange={(e) => setOverrides(e.target.value)} rows={3} />
            </FormField>
            <FormField label="Canary uses the stage cache" id="canary-cache" orientation="horizontal">
              <Checkbox checked={useCache} onChange={(e) => setUseCache(e.target.checked)} />
            </FormField>
            <div>
              <Button size="sm" onClick={() => review("canary-start")} disabled={!deploymentId}>
                Review canary
              </Button>
            </div>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
