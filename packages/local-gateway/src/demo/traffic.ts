/**
 * `npm run traffic`: a bounded demo traffic generator for the Local Gateway's data plane, so metrics, usage and
 * invoices have real data. It finds the demo APIs and the tenants' keys through the SDK (GetRestApis, GetApiKeys
 * with includeValues, keys tagged tollgate:tenant), then sends about `rate` requests a second for `duration`
 * seconds: mostly good calls, some without a key (403), a few unknown routes (403), a burst every
 * `burstEvery` seconds from one tenant (429 once its bucket is empty), and — by making the upstream's v2 slow and
 * flaky — upstream errors on the canary arm of payments prod. Stops on SIGINT/SIGTERM and prints a summary.
 *
 * Flags: --endpoint URL --rate n (10, max 200) --duration s (600, max 28800) --burst-every s (30)
 *        --no-canary-faults (leave the upstream's v2 alone)
 */

import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import {
  APIGatewayClient,
  GetApiKeysCommand,
  GetRestApisCommand,
  GetStageCommand,
} from "@aws-sdk/client-api-gateway";
import { PAYMENTS_API, TENANT_TAG, WEATHER_API } from "./definitions";

export interface TrafficOptions {
  endpoint: string;
  rate?: number;
  durationMs?: number;
  burstEveryMs?: number;
  /** Bounds concurrent requests, so a stalled gateway cannot pile up sockets. */
  maxInFlight?: number;
  /** Make v2 slow and flaky at start (through the upstream's /_demo/config). Default true. */
  canaryFaults?: boolean;
  random?: () => number;
  /** Called every 10 s with the running totals (the CLI prints them). */
  onProgress?: (stats: TrafficStats) => void;
}

export interface TrafficStats {
  sent: number;
  /** Status → count; 0 = the request failed to connect. */
  byStatus: Record<string, number>;
}

export interface TrafficRun {
  /** Resolves with the final stats once the duration has passed or stop() was called and in-flight requests ended. */
  done: Promise<TrafficStats>;
  stop(): Promise<TrafficStats>;
}

interface Target {
  method: string;
  url: string;
  key: string | undefined;
  body?: string;
}

interface Discovered {
  payments: string;
  weather: string | undefined;
  keys: { tenantId: string; value: string }[];
  upstreamHost: string | undefined;
}

const credentials = { accessKeyId: "test", secretAccessKey: "test" };
const CITIES = ["oslo", "lisbon", "nairobi", "lima", "osaka", "denver"];

async function discover(endpoint: string): Promise<Discovered> {
  const client = new APIGatewayClient({ region: "us-east-1", endpoint, credentials });
  try {
    const apis = (await client.send(new GetRestApisCommand({ limit: 500 }))).items ?? [];
    const payments = apis.find((a) => a.name === PAYMENTS_API)?.id;
    if (payments === undefined) throw new Error(`no "${PAYMENTS_API}" REST API: run the demo seed first`);
    const weather = apis.find((a) => a.name === WEATHER_API)?.id;
    const keys = ((await client.send(new GetApiKeysCommand({ includeValues: true, limit: 500 }))).items ?? [])
      .filter((k) => k.enabled && k.value !== undefined && k.tags?.[TENANT_TAG] !== undefined)
      .map((k) => ({ tenantId: k.tags?.[TENANT_TAG] as string, value: k.value as string }));
    if (keys.length === 0)
      throw new Error(`no enabled API keys tagged ${TENANT_TAG}: run the demo seed first`);
    const prod = await client.send(new GetStageCommand({ restApiId: payments, stageName: "prod" }));
    return { payments, weather, keys, upstreamHost: prod.variables?.upstream };
  } finally {
    client.destroy();
  }
}

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)] as T;
}

function nextTarget(endpoint: string, d: Discovered, random: () => number): Target {
  const invoke = (api: string, stage: string, path: string) =>
    `${endpoint}/restapis/${api}/${stage}/_user_request_${path}`;
  const key = pick(d.keys, random).value;
  const r = random();
  if (r < 0.08) return { method: "GET", url: invoke(d.payments, "prod", "/payments"), key: undefined };
  if (r < 0.1) return { method: "GET", url: invoke(d.payments, "prod", "/no-such-route"), key };
  if (r < 0.15) return { method: "GET", url: invoke(d.payments, "dev", "/payments"), key };
  if (r < 0.35 && d.weather !== undefined) {
    return { method: "GET", url: invoke(d.weather, "prod", `/forecast/${pick(CITIES, random)}`), key };
  }
  if (r < 0.5) {
    const body = JSON.stringify({ amount: Math.round(random() * 50_000) / 100, currency: "EUR" });
    return { method: "POST", url: invoke(d.payments, "prod", "/payments"), key, body };
  }
  if (r < 0.55) return { method: "POST", url: invoke(d.payments, "prod", "/refunds"), key, body: "{}" };
  if (r < 0.75)
    return {
      method: "GET",
      url: invoke(d.payments, "prod", `/payments/p-${Math.floor(random() * 1000)}`),
      key,
    };
  return { method: "GET", url: invoke(d.payments, "prod", "/payments?limit=20"), key };
}

async function setCanaryFaults(upstreamHost: string | undefined): Promise<void> {
  if (upstreamHost === undefined) return;
  try {
    await fetch(`http://${upstreamHost}/_demo/config`, {
      method: "POST",
      body: JSON.stringify({ v2: { latencyMs: 150, errorRate: 0.2 } }),
      signal: AbortSignal.timeout(2000),
    });
  } catch {
    // The upstream is optional for the generator: without it every call is a 502, which is still traffic.
  }
}

export async function runTraffic(options: TrafficOptions): Promise<TrafficRun> {
  const rate = Math.min(200, Math.max(0.1, options.rate ?? 10));
  const durationMs = Math.min(8 * 3600_000, Math.max(0, options.durationMs ?? 600_000));
  const burstEveryMs = Math.max(1000, options.burstEveryMs ?? 30_000);
  const maxInFlight = options.maxInFlight ?? 100;
  const random = options.random ?? Math.random;
  const discovered = await discover(options.endpoint);
  if (options.canaryFaults !== false) await setCanaryFaults(discovered.upstreamHost);

  const stats: TrafficStats = { sent: 0, byStatus: {} };
  const inFlight = new Set<Promise<void>>();
  const send = (target: Target) => {
    if (inFlight.size >= maxInFlight) return;
    stats.sent++;
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (target.key !== undefined) headers["x-api-key"] = target.key;
    const p = fetch(target.url, {
      method: target.method,
      headers,
      body: target.body,
      signal: AbortSignal.timeout(35_000),
    })
      .then(async (r) => {
        await r.arrayBuffer();
        stats.byStatus[r.status] = (stats.byStatus[r.status] ?? 0) + 1;
      })
      .catch(() => {
        stats.byStatus["0"] = (stats.byStatus["0"] ?? 0) + 1;
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  const burst = () => {
    // One tenant at a time fires 30 calls at once: more than any demo tier's burst except Gold's.
    const key = pick(discovered.keys, random).value;
    const url = `${options.endpoint}/restapis/${discovered.payments}/prod/_user_request_/payments`;
    for (let i = 0; i < 30; i++) send({ method: "GET", url, key });
  };

  const timers = [
    setInterval(() => send(nextTarget(options.endpoint, discovered, random)), 1000 / rate),
    setInterval(burst, burstEveryMs),
    setInterval(() => options.onProgress?.(stats), 10_000),
  ];
  burst();
  let resolveDone: (s: TrafficStats) => void = () => undefined;
  const done = new Promise<TrafficStats>((r) => (resolveDone = r));
  let stopping: Promise<TrafficStats> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      for (const t of timers) clearInterval(t);
      clearTimeout(endTimer);
      await Promise.all([...inFlight]);
      resolveDone(stats);
      return stats;
    })();
    return stopping;
  };
  const endTimer = setTimeout(() => void stop(), durationMs);
  return { done, stop };
}

function summary(stats: TrafficStats): string {
  const parts = Object.entries(stats.byStatus)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, n]) => `${status === "0" ? "failed" : status}×${n}`);
  return `sent ${stats.sent}: ${parts.join(" ") || "no responses yet"}`;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const { values } = parseArgs({
    options: {
      endpoint: { type: "string", default: process.env.AWS_ENDPOINT_URL ?? "http://127.0.0.1:4566" },
      rate: { type: "string", default: "10" },
      duration: { type: "string", default: "600" },
      "burst-every": { type: "string", default: "30" },
      "no-canary-faults": { type: "boolean", default: false },
    },
  });
  const run = await runTraffic({
    endpoint: values.endpoint,
    rate: Number(values.rate),
    durationMs: Number(values.duration) * 1000,
    burstEveryMs: Number(values["burst-every"]) * 1000,
    canaryFaults: !values["no-canary-faults"],
    onProgress: (s) => console.log(summary(s)),
  });
  console.log(
    `traffic: ~${values.rate} req/s for ${values.duration} s against ${values.endpoint} (Ctrl-C stops)`,
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void run.stop());
  console.log(summary(await run.done));
}
