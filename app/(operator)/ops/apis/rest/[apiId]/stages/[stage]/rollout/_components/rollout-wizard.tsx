"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { startRolloutAction } from "@/lib/actions/start-rollout";
import { DEFAULT_PLAN } from "@/lib/canary/analysis";
import type { CanaryDto, DeploymentDto } from "@/lib/stages/types";
import { GatesFields } from "./gates-fields";
import { WebhookSecretDialog } from "./webhook-secret-dialog";
import { StepsEditor } from "./steps-editor";
import { toInput, wizardField, wizardSchema, type WizardValues } from "./wizard-values";

const label = (d: DeploymentDto) => (d.description ? `${d.description} (${d.id})` : d.id);

/** The rollout form: every field prefilled with DEFAULT_PLAN, so "Start rollout" works at once. */
export function RolloutWizard({
  restApiId,
  stageName,
  servingDeploymentId,
  canary,
  variables,
  deployments,
}: {
  restApiId: string;
  stageName: string;
  servingDeploymentId: string;
  canary: CanaryDto | null;
  variables: Record<string, string>;
  /** Newest first. */
  deployments: readonly DeploymentDto[];
}) {
  const router = useRouter();
  const [started, setStarted] = useState<{ id: string; secret: string } | null>(null);
  const others = deployments.filter((d) => d.id !== servingDeploymentId);
  const d = DEFAULT_PLAN;
  const defaults: WizardValues = {
    restApiId,
    stageName,
    deployment: {
      kind: others.length > 0 ? "existing" : "new",
      deploymentId: canary?.deploymentId ?? others[0]?.id ?? "",
      description: "",
    },
    overrides: Object.entries(canary?.stageVariableOverrides ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join("\n"),
    steps: d.steps.map((s) => ({ ...s })),
    gates: {
      max5xxPercent: d.gates.max5xxRate * 100,
      max5xxIncreasePoints: d.gates.max5xxRateIncrease * 100,
      maxP99Ms: d.gates.maxP99Ms,
      maxP99Ratio: d.gates.maxP99Ratio,
      minRequests: d.gates.minRequests,
    },
    failureThreshold: d.failureThreshold,
    manualApproval: d.manualApproval,
    evaluationSeconds: 60,
    webhookUrl: "",
  };
  const { form, onSubmit, formError, pending } = useActionForm({
    schema: wizardSchema,
    action: (v) => startRolloutAction(toInput(v)),
    defaultValues: defaults,
    fieldFor: wizardField,
    onSuccess: (r) => {
      toast.success(`Rollout started: ${r.currentPercent} % of ${stageName}'s requests go to the canary.`);
      if (r.webhookSecret) setStarted({ id: r.id, secret: r.webhookSecret });
      else router.push(`/ops/rollouts/${r.id}`);
    },
  });
  const errors = form.formState.errors;
  const kind = form.watch("deployment.kind");
  const varNames = Object.keys(variables);
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      <WebhookSecretDialog
        secret={started?.secret ?? null}
        onDone={() => started && router.push(`/ops/rollouts/${started.id}`)}
      />
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}
      {canary ? (
        <Alert variant="info" title="This stage already runs a canary">
          A rollout can take over the canary on deployment{" "}
          <span className="font-mono">{canary.deploymentId}</span> (preselected below). To roll out a
          different deployment, promote or abandon that canary first.
        </Alert>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>What to roll out</CardTitle>
          <CardDescription>
            A deployment is a frozen snapshot of the API&apos;s routes and integrations. The stage now serves{" "}
            <span className="font-mono">{servingDeploymentId}</span> (the base); the one you pick becomes the
            canary.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <fieldset className="flex flex-col gap-2 text-sm">
            <legend className="sr-only">Canary deployment</legend>
            <label className="flex items-center gap-2">
              <input
                type="radio"
                value="existing"
                disabled={others.length === 0}
                {...form.register("deployment.kind")}
              />
              An existing deployment
              {others.length === 0 ? (
                <span className="text-xs text-muted-foreground">(none besides the serving one)</span>
              ) : null}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" value="new" {...form.register("deployment.kind")} />A new deployment of the
              API&apos;s current state
            </label>
          </fieldset>
          {kind === "existing" ? (
            <FormField
              label="Deployment"
              id="rollout-deployment"
              description="Newest first; the serving deployment is not listed."
              error={errors.deployment?.deploymentId?.message}
            >
              <Select
                {...form.register("deployment.deploymentId")}
                options={others.map((x) => ({ value: x.id, label: label(x) }))}
              />
            </FormField>
          ) : (
            <FormField
              label="Description of the new deployment"
              id="rollout-description"
              description="Optional; shown in the deployment history."
              error={errors.deployment?.description?.message}
            >
              <Input {...form.register("deployment.description")} placeholder={`Rollout to ${stageName}`} />
            </FormField>
          )}
          <FormField
            label="Canary stage-variable overrides"
            id="rollout-overrides"
            description={`Optional, one name=value per line (e.g. version=v2): the canary sees the stage's variables with these replaced.${varNames.length > 0 ? ` The stage has: ${varNames.join(", ")}.` : ""}`}
            error={errors.overrides?.message}
          >
            <Textarea rows={3} {...form.register("overrides")} className="font-mono" />
          </FormField>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Plan</CardTitle>
          <CardDescription>
            The canary&apos;s share grows step by step. Before moving on, Tollgate checks the gates below on
            the canary&apos;s metrics.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          <StepsEditor form={form} />
          <GatesFields form={form} />
        </CardContent>
      </Card>
      <div className="flex items-center gap-3">
        <Button type="submit" loading={pending}>
          Start rollout
        </Button>
        <span className="text-xs text-muted-foreground">
          The first step starts at once; you can pause or abort it from its live view.
        </span>
      </div>
    </form>
  );
}
