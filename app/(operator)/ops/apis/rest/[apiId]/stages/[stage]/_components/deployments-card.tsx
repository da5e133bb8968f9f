"use client";
import { Rocket } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { createDeploymentAction } from "@/lib/actions/create-deployment";
import { updateStageAction } from "@/lib/actions/update-stage";
import { formatDateTime } from "@/lib/format";
import { createDeploymentSchema } from "@/lib/schemas/stages";
import { deploymentPatch } from "@/lib/stages/patch";
import type { DeploymentDto } from "@/lib/stages/types";
import { parseOverrides } from "./overrides";
import { useStage } from "./stage-context";
import { definedOnly } from "@/lib/utils/defined-only";

/** Deployment history with one-click (confirmed) rollback, and creating a deployment (optionally as a canary). */
export function DeploymentsCard({ deployments }: { deployments: readonly DeploymentDto[] }) {
  const { stage, version } = useStage();
  const router = useRouter();
  return (
    <Card>
      <CardHeader className="flex flex-row items-start justify-between gap-4">
        <div>
          <CardTitle>Deployments</CardTitle>
          <CardDescription>
            A deployment is a frozen snapshot of the API&apos;s routes and integrations; a stage serves one.
            AWS allows one new deployment every 5 seconds per account.
          </CardDescription>
        </div>
        <CreateDeploymentDialog />
      </CardHeader>
      <CardContent>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Deployment</TableHead>
              <TableHead>Description</TableHead>
              <TableHead>Created</TableHead>
              <TableHead className="text-right">Action</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {deployments.map((d) => (
              <TableRow key={d.id} data-testid={`deployment-${d.id}`}>
                <TableCell className="font-mono text-xs">
                  {d.id} {d.id === stage.deploymentId ? <Badge variant="success">serving</Badge> : null}{" "}
                  {d.id === stage.canary?.deploymentId ? <Badge variant="info">canary</Badge> : null}
                </TableCell>
                <TableCell>{d.description ?? "—"}</TableCell>
                <TableCell>{d.createdDate ? formatDateTime(d.createdDate) : "—"}</TableCell>
                <TableCell className="text-right">
                  {d.id !== stage.deploymentId ? (
                    <ConfirmDialog
                      trigger={
                        <Button size="sm" variant="outline" disabled={stage.canary !== null}>
                          Roll back to this
                        </Button>
                      }
                      title={`Serve deployment ${d.id} on ${stage.stageName}?`}
                      description={`This will move all traffic to ${stage.stageName} to ${d.description ?? d.id} at once; the deployment serving now stops serving.`}
                      confirmLabel="Roll back"
                      destructive
                      onConfirm={async () => {
                        const res = await updateStageAction({
                          restApiId: stage.restApiId,
                          stageName: stage.stageName,
                          version,
                          change: { kind: "rollback", deploymentId: d.id },
                        });
                        if (!res.ok) {
                          toast.error(res.error);
                          throw new Error(res.error);
                        }
                        toast.success(`${stage.stageName} now serves ${d.id}.`);
                        router.refresh();
                      }}
                    >
                      <pre className="rounded-md bg-muted p-3 font-mono text-xs">
                        {JSON.stringify(deploymentPatch(d.id), null, 2)}
                      </pre>
                    </ConfirmDialog>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {stage.canary ? (
          <p className="mt-2 text-xs text-muted-foreground">
            Rolling back is unavailable while a canary runs: promote or abandon it first.
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}

function CreateDeploymentDialog() {
  const { stage, version } = useStage();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [description, setDescription] = useState("");
  const [asCanary, setAsCanary] = useState(false);
  const [percent, setPercent] = useState("10");
  const [overrides, setOverrides] = useState("");
  const [useCache, setUseCache] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const parsedOverrides = parseOverrides(overrides);
  const input = {
    restApiId: stage.restApiId,
    stageName: stage.stageName,
    version,
    description,
    ...(asCanary
      ? {
          canary: {
            percentTraffic: percent,
            stageVariableOverrides: parsedOverrides.values,
            useStageCache: useCache,
          },
        }
      : {}),
  };
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    if (asCanary && parsedOverrides.error) return setErrors({ canary: parsedOverrides.error });
    const r = createDeploymentSchema.safeParse(input);
    if (!r.success) {
      const byPath: Record<string, string> = {};
      for (const i of r.error.issues)
        byPath[String(i.path.at(-2) === "stageVariableOverrides" ? "canary" : i.path.at(-1))] ??= i.message;
      return setErrors(byPath);
    }
    setErrors({});
    setPending(true);
    const res = await createDeploymentAction(r.data);
    setPending(false);
    if (!res.ok) return setFormError(res.error);
    toast.success(
      asCanary
        ? `Canary started on deployment ${res.data.id}.`
        : `Deployed ${res.data.id} to ${stage.stageName}.`,
    );
    setOpen(false);
    setDescription("");
    router.refresh();
  }
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm">
          <Rocket aria-hidden="true" /> Deploy
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-xl">
        <form onSubmit={submit} noValidate className="flex flex-col gap-4">
          <DialogHeader>
            <DialogTitle>New deployment to {stage.stageName}</DialogTitle>
            <DialogDescription>
              Snapshots the API as it is now. Without a canary the whole stage switches to it; as a canary
              only the chosen share of requests does, until you promote or abandon it.
            </DialogDescription>
          </DialogHeader>
          {formError ? <Alert variant="destructive">{formError}</Alert> : null}
          <FormField label="Description" id="deploy-description" error={errors.description}>
            <Input value={description} onChange={(e) => setDescription(e.target.value)} autoFocus />
          </FormField>
          <FormField label="Deploy as a canary" id="deploy-canary" orientation="horizontal">
            <Checkbox
              checked={asCanary}
              disabled={stage.canary !== null}
              onChange={(e) => setAsCanary(e.target.checked)}
            />
          </FormField>
          {asCanary ? (
            <>
              <FormField label="Canary traffic (%)" id="deploy-percent" error={errors.percentTraffic}>
                <Input inputMode="decimal" value={percent} onChange={(e) => setPercent(e.target.value)} />
              </FormField>
              <FormField
                label="Stage-variable overrides"
                id="deploy-overrides"
                description="One name=value per line; the canary sees the stage's variables with these replaced."
                error={errors.canary}
              >
                <Textarea value={overrides} onChange={(e) => setOverrides(e.target.value)} rows={3} />
              </FormField>
              <FormField label="Canary uses the stage cache" id="deploy-cache" orientation="horizontal">
                <Checkbox checked={useCache} onChange={(e) => setUseCache(e.target.checked)} />
              </FormField>
            </>
          ) : null}
          <div>
            <p className="mb-1 text-xs text-muted-foreground">CreateDeployment request</p>
            <pre aria-label="CreateDeployment request" className="rounded-md bg-muted p-3 font-mono text-xs">
              {JSON.stringify(
                {
                  stageName: stage.stageName,
                  ...definedOnly({ description }),
                  ...(asCanary
                    ? {
                        canarySettings: {
                          percentTraffic: Number(percent),
                          stageVariableOverrides: parsedOverrides.values,
                          useStageCache: useCache,
                        },
                      }
                    : {}),
                },
                null,
                2,
              )}
            </pre>
          </div>
          <DialogFooter>
            <Button type="submit" loading={pending}>
              {asCanary ? "Deploy as canary" : "Deploy"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
