"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { updateHttpStageAction } from "@/lib/actions/update-http-stage";
import { updateHttpStageSchema, type HttpStageChange } from "@/lib/schemas/stages";
import { httpStageUpdate } from "@/lib/stages/changes";
import type { HttpStageDto } from "@/lib/stages/types";

const toLines = (v: Record<string, string>) =>
  Object.entries(v)
    .map(([k, x]) => `${k}=${x}`)
    .join("\n");

/** HTTP API stage: variables, default and per-route throttling, auto-deploy; each shows the UpdateStage body first. */
export function HttpStageEditor({ stage, version }: { stage: HttpStageDto; version: string }) {
  const router = useRouter();
  const [change, setChange] = useState<HttpStageChange | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [vars, setVars] = useState(toLines(stage.variables));
  const [routeKey, setRouteKey] = useState("");
  const [rate, setRate] = useState(String(stage.defaultRouteSettings.throttlingRateLimit ?? ""));
  const [burst, setBurst] = useState(String(stage.defaultRouteSettings.throttlingBurstLimit ?? ""));
  const [pending, setPending] = useState(false);
  const [applyError, setApplyError] = useState<{ message: string; stale: boolean } | null>(null);

  function review(raw: unknown, field: string) {
    const r = updateHttpStageSchema.safeParse({
      apiId: stage.apiId,
      stageName: stage.stageName,
      version,
      change: raw,
    });
    if (!r.success) {
      setErrors({ [field]: r.error.issues[0]?.message ?? "Check this value." });
      return;
    }
    setErrors({});
    setChange(r.data.change);
  }
  function reviewVariables() {
    const set: Record<string, string> = {};
    for (const [i, line] of vars.split("\n").entries()) {
      if (!line.trim()) continue;
      const eq = line.indexOf("=");
      if (eq <= 0) return setErrors({ variables: `Line ${i + 1}: write name=value.` });
      set[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
    }
    review(
      { kind: "variables", set, remove: Object.keys(stage.variables).filter((n) => !(n in set)) },
      "variables",
    );
  }
  async function apply() {
    if (!change) return;
    setPending(true);
    const res = await updateHttpStageAction({
      apiId: stage.apiId,
      stageName: stage.stageName,
      version,
      change,
    });
    setPending(false);
    if (!res.ok) return setApplyError({ message: res.error, stale: res.code === "conflict" });
    toast.success("Stage updated.");
    setChange(null);
    router.refresh();
  }
  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>Stage variables</CardTitle>
          <CardDescription>One name=value per line. Names: letters, digits and _.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-3">
          <FormField label="Variables" id="http-vars" error={errors.variables}>
            <Textarea value={vars} onChange={(e) => setVars(e.target.value)} rows={4} className="font-mono" />
          </FormField>
          <div>
            <Button size="sm" onClick={reviewVariables}>
              Review variables
            </Button>
          </div>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Throttling</CardTitle>
          <CardDescription>
            Leave the route empty for the stage default, or name a route such as <code>GET /pets</code>.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-wrap items-end gap-3">
          <FormField label="Route (optional)" id="http-route">
            <Input value={routeKey} onChange={(e) => setRouteKey(e.target.value)} placeholder="GET /pets" />
          </FormField>
          <FormField label="Rate (requests/s)" id="http-rate" error={errors.throttling}>
            <Input
              inputMode="decimal"
              value={rate}
              onChange={(e) => setRate(e.target.value)}
              className="w-32"
            />
          </FormField>
          <FormField label="Burst" id="http-burst">
            <Input
              inputMode="numeric"
              value={burst}
              onChange={(e) => setBurst(e.target.value)}
              className="w-28"
            />
          </FormField>
          <Button
            size="sm"
            onClick={() =>
              review(
                {
                  kind: "throttling",
                  routeKey: routeKey.trim() || null,
                  rateLimit: rate || undefined,
                  burstLimit: burst || undefined,
                },
                "throttling",
              )
            }
          >
            Review throttling
          </Button>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Auto-deploy</CardTitle>
          <CardDescription>
            When on, every change to the API&apos;s routes is deployed to this stage automatically.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <FormField label={stage.autoDeploy ? "On" : "Off"} id="http-autodeploy" orientation="horizontal">
            <Switch
              checked={stage.autoDeploy}
              onCheckedChange={(v) => review({ kind: "auto-deploy", autoDeploy: v }, "autoDeploy")}
            />
          </FormField>
        </CardContent>
      </Card>
      <Dialog
        open={change !== null}
        onOpenChange={(o) => (!o && !pending ? (setChange(null), setApplyError(null)) : undefined)}
      >
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Review the change</DialogTitle>
            <DialogDescription>
              Nothing has changed yet. Applying will send exactly this UpdateStage body to API Gateway.
            </DialogDescription>
          </DialogHeader>
          <pre
            aria-label="UpdateStage body"
            className="max-h-72 overflow-auto rounded-md bg-muted p-3 font-mono text-xs"
          >
            {change ? JSON.stringify(httpStageUpdate(stage, change), null, 2) : ""}
          </pre>
          {applyError ? (
            <Alert variant="destructive" title={applyError.stale ? "The stage changed" : "Not applied"}>
              {applyError.message}
            </Alert>
          ) : null}
          <DialogFooter>
            {applyError?.stale ? (
              <Button variant="outline" onClick={() => router.refresh()}>
                Reload the stage
              </Button>
            ) : null}
            <Button onClick={apply} loading={pending}>
              Apply
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
