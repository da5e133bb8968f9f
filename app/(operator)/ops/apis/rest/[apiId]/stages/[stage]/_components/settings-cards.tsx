"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toaster";
import { flushStageCacheAction } from "@/lib/actions/flush-stage-cache";
import { CACHE_SIZES, stageChange } from "@/lib/schemas/stages";
import { CACHE_PRICES, formatCachePrice } from "@/lib/stages/cache-prices";
import { methodTargetOfKey, STAGE_WIDE, type MethodTarget } from "@/lib/stages/patch";
import { issuesByField, useStage } from "./stage-context";

export type MethodRef = { resourcePath: string; httpMethod: string };

const targetValue = (t: MethodTarget) => `${t.httpMethod} ${t.resourcePath}`;
function parseTarget(v: string): MethodTarget {
  const [httpMethod = "*", resourcePath = "*"] = v.split(" ");
  return { resourcePath, httpMethod };
}
function targetOptions(methods: readonly MethodRef[]) {
  return [
    { value: targetValue(STAGE_WIDE), label: "Whole stage (every method)" },
    ...methods.map((m) => ({ value: targetValue(m), label: `${m.httpMethod} ${m.resourcePath}` })),
  ];
}

/** Default (stage-wide) and per-method throttling: the steady rate and the burst (bucket size) API Gateway allows. */
export function ThrottlingCard({ methods }: { methods: readonly MethodRef[] }) {
  const { stage, preview } = useStage();
  const [target, setTarget] = useState(targetValue(STAGE_WIDE));
  const current = stage.methodSettings.find((m) => {
    const t = methodTargetOfKey(m.key);
    return targetValue(t) === target;
  });
  const [rate, setRate] = useState(String(current?.throttlingRateLimit ?? ""));
  const [burst, setBurst] = useState(String(current?.throttlingBurstLimit ?? ""));
  const [errors, setErrors] = useState<Record<string, string>>({});
  function review() {
    const r = stageChange.safeParse({
      kind: "throttling",
      target: parseTarget(target),
      rateLimit: rate === "" ? undefined : rate,
      burstLimit: burst === "" ? undefined : burst,
    });
    if (!r.success) return setErrors(issuesByField(r.error.issues));
    setErrors({});
    preview(r.data);
  }
  const overrides = stage.methodSettings.filter(
    (m) => m.key !== "*/*" && (m.throttlingRateLimit !== null || m.throttlingBurstLimit !== null),
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>Throttling</CardTitle>
        <CardDescription>
          Requests per second (rate) and the burst a client may send at once. A per-method setting overrides
          the stage-wide one for that method. Requests over the limit get 429 Too Many Requests.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <FormField label="Applies to" id="throttle-target">
          <Select
            value={target}
            options={targetOptions(methods)}
            onChange={(e) => {
              setTarget(e.target.value);
              const m = stage.methodSettings.find(
                (x) => targetValue(methodTargetOfKey(x.key)) === e.target.value,
              );
              setRate(String(m?.throttlingRateLimit ?? ""));
              setBurst(String(m?.throttlingBurstLimit ?? ""));
            }}
          />
        </FormField>
        <div className="grid grid-cols-2 gap-3">
          <FormField label="Rate (requests/s)" id="throttle-rate" error={errors.rateLimit}>
            <Input inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} />
          </FormField>
          <FormField label="Burst (requests)" id="throttle-burst" error={errors.burstLimit}>
            <Input inputMode="numeric" value={burst} onChange={(e) => setBurst(e.target.value)} />
          </FormField>
        </div>
        <div>
          <Button size="sm" onClick={review}>
            Review throttling
          </Button>
        </div>
        {overrides.length > 0 ? (
          <div className="text-sm">
            <p className="font-medium">Per-method overrides</p>
            <ul className="mt-1 flex flex-col gap-1">
              {overrides.map((m) => {
                const t = methodTargetOfKey(m.key);
                return (
                  <li key={m.key} className="flex items-center gap-2">
                    <span className="font-mono text-xs">{targetValue(t)}</span>
                    <span className="text-muted-foreground">
                      {m.throttlingRateLimit} req/s, burst {m.throttlingBurstLimit}
                    </span>
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() => preview({ kind: "method-settings-remove", target: t })}
                    >
                      Remove override
                    </Button>
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}

/** The stage's cache cluster (size and hourly price), per-method caching TTL and flushing the cache. */
export function CacheCard({ methods }: { methods: readonly MethodRef[] }) {
  const { stage, preview } = useStage();
  const [enabled, setEnabled] = useState(stage.cacheClusterEnabled);
  const [size, setSize] = useState<string>(stage.cacheClusterSize ?? "0.5");
  const [target, setTarget] = useState(targetValue(STAGE_WIDE));
  const wide = stage.methodSettings.find((m) => m.key === "*/*");
  const [cachingOn, setCachingOn] = useState(wide?.cachingEnabled ?? false);
  const [ttl, setTtl] = useState(String(wide?.cacheTtlInSeconds ?? 300));
  const [ttlError, setTtlError] = useState<string | undefined>();
  function reviewCaching() {
    const r = stageChange.safeParse({
      kind: "caching",
      target: parseTarget(target),
      enabled: cachingOn,
      ttlInSeconds: ttl,
    });
    if (!r.success)
      return setTtlError(issuesByField(r.error.issues).ttlInSeconds ?? r.error.issues[0]?.message);
    setTtlError(undefined);
    preview(r.data);
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>Cache</CardTitle>
        <CardDescription>
          A cache cluster keeps responses for the TTL so repeated requests skip the integration. It is billed
          per hour while enabled. Status:{" "}
          <span className="font-medium">{stage.cacheClusterStatus ?? "unknown"}</span>
          {stage.cacheClusterEnabled && stage.cacheClusterSize ? ` (${stage.cacheClusterSize} GB)` : ""}.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <div className="flex flex-wrap items-end gap-3">
          <FormField label="Cache cluster" id="cache-enabled" orientation="horizontal">
            <Switch checked={enabled} onCheckedChange={setEnabled} />
          </FormField>
          <FormField label="Size" id="cache-size" className="min-w-72">
            <Select
              value={size}
              disabled={!enabled}
              onChange={(e) => setSize(e.target.value)}
              options={CACHE_SIZES.map((s) => ({ value: s, label: `${s} GB — ${formatCachePrice(s)}` }))}
            />
          </FormField>
          <Button
            size="sm"
            onClick={() =>
              preview({ kind: "cache-cluster", enabled, size: size as (typeof CACHE_SIZES)[number] })
            }
          >
            Review cache cluster
          </Button>
        </div>
        <p className="text-xs text-muted-foreground">
          Prices are us-east-1 list prices per hour. Only the 0.5 GB price (
          {formatCachePrice("0.5").split(" (")[0]}) is confirmed;{" "}
          {Object.values(CACHE_PRICES).filter((p) => !p.confirmed).length} larger sizes show estimates — check
          AWS&apos;s pricing page for your region.
        </p>
        <div className="flex flex-wrap items-end gap-3 border-t pt-4">
          <FormField label="Caching for" id="caching-target">
            <Select
              value={target}
              options={targetOptions(methods)}
              onChange={(e) => setTarget(e.target.value)}
            />
          </FormField>
          <FormField label="Cache responses" id="caching-on" orientation="horizontal">
            <Switch checked={cachingOn} onCheckedChange={setCachingOn} />
          </FormField>
          <FormField label="TTL (seconds, 0–3600)" id="caching-ttl" error={ttlError}>
            <Input
              inputMode="numeric"
              value={ttl}
              onChange={(e) => setTtl(e.target.value)}
              className="w-32"
            />
          </FormField>
          <Button size="sm" onClick={reviewCaching}>
            Review caching
          </Button>
        </div>
        <div className="border-t pt-4">
          <ConfirmDialog
            trigger={
              <Button size="sm" variant="outline" disabled={!stage.cacheClusterEnabled}>
                Flush cache
              </Button>
            }
            title={`Flush the cache of ${stage.stageName}?`}
            description="Every cached response is dropped; the next requests go to the integration until the cache fills again."
            confirmLabel="Flush cache"
            destructive
            onConfirm={async () => {
              const res = await flushStageCacheAction({
                restApiId: stage.restApiId,
                stageName: stage.stageName,
              });
              if (!res.ok) {
                toast.error(res.error);
                throw new Error(res.error);
              }
              toast.success("Cache flushed.");
            }}
          />
        </div>
      </CardContent>
    </Card>
  );
}

/** Detailed CloudWatch metrics, execution logging and X-Ray tracing switches. */
export function ObservabilityCard() {
  const { stage, preview } = useStage();
  const wide = stage.methodSettings.find((m) => m.key === "*/*");
  const [metrics, setMetrics] = useState(wide?.metricsEnabled ?? false);
  const [level, setLevel] = useState<"OFF" | "ERROR" | "INFO">(wide?.loggingLevel ?? "OFF");
  const [tracing, setTracing] = useState(stage.tracingEnabled);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Metrics, logging and tracing</CardTitle>
        <CardDescription>
          Detailed metrics add per-method CloudWatch metrics (billed by CloudWatch); execution logs go to
          CloudWatch Logs; tracing sends request traces to AWS X-Ray.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-wrap items-end gap-4">
        <FormField label="Detailed metrics" id="obs-metrics" orientation="horizontal">
          <Switch checked={metrics} onCheckedChange={setMetrics} />
        </FormField>
        <FormField label="Execution logging" id="obs-logging">
          <Select
            value={level}
            onChange={(e) => setLevel(e.target.value as "OFF" | "ERROR" | "INFO")}
            options={[
              { value: "OFF", label: "Off" },
              { value: "ERROR", label: "Errors only" },
              { value: "INFO", label: "Errors and info" },
            ]}
          />
        </FormField>
        <FormField label="X-Ray tracing" id="obs-tracing" orientation="horizontal">
          <Switch checked={tracing} onCheckedChange={setTracing} />
        </FormField>
        <Button
          size="sm"
          onClick={() =>
            preview({
              kind: "observability",
              metricsEnabled: metrics,
              loggingLevel: level,
              tracingEnabled: tracing,
            })
          }
        >
          Review switches
        </Button>
      </CardContent>
    </Card>
  );
}
