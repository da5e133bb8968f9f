/**
 * `npm run bench:gateway`: the data plane (API key check, usage plan with throttle and quota, usage counting and
 * metrics, detailed metrics on) against a bare node:http proxy using the same forwarding code and keep-alive pool,
 * both in front of the same demo upstream. The upstream and the load generator run in one child process, so the
 * measured process only proxies. Prints req/s, p50 and p99 for both and the throughput ratio (goal ≥ 0.50), then
 * the GetMetricData timing from cloudwatch/bench-metrics.ts when that module exists.
 *
 * The arms alternate for --rounds rounds (bare then gateway, gateway then bare, …) so that a burst of unrelated load on the
 * machine hits both; the summary adds up requests and time over the rounds and takes the median p50/p99.
 *
 * Flags: --duration <s per arm per round> (3) --rounds <n> (3) --warmup <s> (1) --concurrency <n> (64)
 *        --max <requests per arm per round> (400000) --cpu-profile <file> (profile this process during the gateway arm)
 */

import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Session } from "node:inspector/promises";
import { parseArgs } from "node:util";
import {
  APIGatewayClient,
  CreateApiKeyCommand,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateStageCommand,
} from "@aws-sdk/client-api-gateway";
import { createUpstreamAgents, forwardRequest } from "../data-plane/proxy";
import { createGateway } from "../server";
import type { LoadOptions, LoadResult } from "./load";

const DRIVER = path.join(path.dirname(fileURLToPath(import.meta.url)), "child.ts");

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`bench driver exited with ${code}`));
    child.once("exit", onExit);
    child.once("message", (m) => {
      child.off("exit", onExit);
      resolve(m as T);
    });
  });
}

interface ArmResult extends LoadResult {
  /** CPU time (user + system) this process spent per request: what the proxy itself costs, whatever else runs. */
  cpuUsPerRequest: number;
}

async function load(driver: ChildProcess, options: LoadOptions): Promise<ArmResult> {
  const cpuBefore = process.cpuUsage();
  driver.send({ load: options });
  const { result } = await nextMessage<{ result: LoadResult }>(driver);
  const cpu = process.cpuUsage(cpuBefore);
  return { ...result, cpuUsPerRequest: (cpu.user + cpu.system) / Math.max(1, result.requests) };
}

/** A REST API whose every path is forwarded to the upstream's /v1, with a key required and a generous plan. */
async function seedBenchApi(endpoint: string, upstreamUrl: string): Promise<{ url: string; key: string }> {
  const client = new APIGatewayClient({
    region: "us-east-1",
    endpoint,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
  const api = await client.send(new CreateRestApiCommand({ name: "bench" }));
  const restApiId = api.id as string;
  const resources = await client.send(new GetResourcesCommand({ restApiId }));
  const rootId = resources.items?.find((r) => r.path === "/")?.id as string;
  const proxy = await client.send(
    new CreateResourceCommand({ restApiId, parentId: rootId, pathPart: "{proxy+}" }),
  );
  const resourceId = proxy.id as string;
  await client.send(
    new PutMethodCommand({
      restApiId,
      resourceId,
      httpMethod: "ANY",
      authorizationType: "NONE",
      apiKeyRequired: true,
    }),
  );
  await client.send(
    new PutIntegrationCommand({
      restApiId,
      resourceId,
      httpMethod: "ANY",
      type: "HTTP_PROXY",
      integrationHttpMethod: "ANY",
      uri: "http://${stageVariables.upstream}/v1/{proxy}",
    }),
  );
  await client.send(
    new CreateDeploymentCommand({
      restApiId,
      stageName: "bench",
      variables: { upstream: new URL(upstreamUrl).host },
    }),
  );
  await client.send(
    new UpdateStageCommand({
      restApiId,
      stageName: "bench",
      patchOperations: [
        { op: "replace", path: "/*/*/metrics/enabled", value: "true" },
        { op: "replace", path: "/*/*/throttling/rateLimit", value: "1000000" },
        { op: "replace", path: "/*/*/throttling/burstLimit", value: "1000000" },
      ],
    }),
  );
  const key = await client.send(new CreateApiKeyCommand({ name: "bench-key", enabled: true }));
  const plan = await client.send(
    new CreateUsagePlanCommand({
      name: "bench-plan",
      apiStages: [{ apiId: restApiId, stage: "bench" }],
      throttle: { rateLimit: 1_000_000, burstLimit: 1_000_000 },
      quota: { limit: 1_000_000_000, offset: 0, period: "MONTH" },
    }),
  );
  await client.send(
    new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: "API_KEY" }),
  );
  client.destroy();
  return { url: `${endpoint}/restapis/${restApiId}/bench/_user_request_/payments`, key: key.value as string };
}

function startBareProxy(upstreamUrl: string): Promise<{ server: Server; url: string; close(): void }> {
  const agents = createUpstreamAgents();
  const server = createServer((req, res) => {
    void forwardRequest(req, res, `${upstreamUrl}/v1${req.url ?? "/"}`, {
      method: req.method ?? "GET",
      timeoutMs: 29_000,
      agents,
      ids: undefined,
    });
  });
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        server,
        url: `http://127.0.0.1:${port}/payments`,
        close() {
          agents.destroy();
          server.closeAllConnections();
          server.close();
        },
      });
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function summarise(runs: readonly ArmResult[]): ArmResult {
  const requests = runs.reduce((a, r) => a + r.requests, 0);
  const elapsedMs = runs.reduce((a, r) => a + r.elapsedMs, 0);
  const other: Record<string, number> = {};
  for (const r of runs) for (const [s, n] of Object.entries(r.other)) other[s] = (other[s] ?? 0) + n;
  return {
    requests,
    ok: runs.reduce((a, r) => a + r.ok, 0),
    other,
    elapsedMs,
    rps: (requests / elapsedMs) * 1000,
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    cpuUsPerRequest: runs.reduce((a, r) => a + r.cpuUsPerRequest * r.requests, 0) / Math.max(1, requests),
  };
}

function header(): string {
  return [
    "arm".padEnd(8),
    "req/s".padStart(8),
    "p50 ms".padStart(8),
    "p99 ms".padStart(8),
    "cpu µs/req".padStart(10),
    "requests".padStart(9),
    "non-2xx",
  ].join("  ");
}

function row(name: string, r: ArmResult): string {
  const other = Object.entries(r.other)
    .map(([s, n]) => `${s}×${n}`)
    .join(" ");
  return [
    name.padEnd(8),
    r.rps.toFixed(0).padStart(8),
    r.p50Ms.toFixed(2).padStart(8),
    r.p99Ms.toFixed(2).padStart(8),
    r.cpuUsPerRequest.toFixed(0).padStart(10),
    String(r.requests).padStart(9),
    other || "-",
  ].join("  ");
}

async function metricsBench(): Promise<void> {
  let mod: { benchGetMetricData?: () => Promise<unknown> };
  try {
    // Resolved at run time: the module is optional, and a literal specifier would make it required at type-check.
    mod = (await import(new URL("../cloudwatch/bench-metrics.ts", import.meta.url).href)) as typeof mod;
  } catch {
    console.log("GetMetricData bench: cloudwatch/bench-metrics.ts not present, skipped");
    return;
  }
  if (typeof mod.benchGetMetricData !== "function") return;
  console.log("GetMetricData bench:", await mod.benchGetMetricData());
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "3" },
      rounds: { type: "string", default: "3" },
      warmup: { type: "string", default: "1" },
      concurrency: { type: "string", default: "64" },
      max: { type: "string", default: "400000" },
      "cpu-profile": { type: "string" },
    },
  });
  const durationMs = Math.min(60, Number(values.duration)) * 1000;
  const warmupMs = Math.min(10, Number(values.warmup)) * 1000;
  const concurrency = Math.min(256, Math.max(1, Number(values.concurrency)));
  const maxRequests = Math.min(2_000_000, Number(values.max));
  const rounds = Math.min(10, Math.max(1, Number(values.rounds)));

  const driver = fork(DRIVER, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const { port } = await nextMessage<{ port: number }>(driver);
  const upstreamUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "lgw-bench-"));
  const gw = await createGateway({ port: 0, dataDir, controlLimits: false });
  const bareProxy = await startBareProxy(upstreamUrl);
  try {
    const target = await seedBenchApi(gw.url, upstreamUrl);
    const gatewayLoad = { url: target.url, headers: { "x-api-key": target.key }, concurrency, maxRequests };
    const bareLoad = { url: bareProxy.url, concurrency, maxRequests };

    console.log(
      `load: ${concurrency} keep-alive connections, ${rounds} rounds of ${durationMs / 1000} s per arm ` +
        `(after ${warmupMs / 1000} s warm-up each), at most ${maxRequests} requests per arm per round`,
    );
    await load(driver, { ...bareLoad, durationMs: warmupMs });
    await load(driver, { ...gatewayLoad, durationMs: warmupMs });
    const bareRuns: ArmResult[] = [];
    const gatewayRuns: ArmResult[] = [];
    for (let i = 0; i < rounds; i++) {
      // Alternate which arm goes first, so neither always runs on the warmer JIT or the quieter machine.
      if (i % 2 === 0) {
        bareRuns.push(await load(driver, { ...bareLoad, durationMs }));
        gatewayRuns.push(await load(driver, { ...gatewayLoad, durationMs }));
      } else {
        gatewayRuns.push(await load(driver, { ...gatewayLoad, durationMs }));
        bareRuns.push(await load(driver, { ...bareLoad, durationMs }));
      }
    }
    if (values["cpu-profile"] !== undefined) {
      const session = new Session();
      session.connect();
      await session.post("Profiler.enable");
      await session.post("Profiler.start");
      await load(driver, { ...gatewayLoad, durationMs });
      const { profile } = await session.post("Profiler.stop");
      writeFileSync(values["cpu-profile"], JSON.stringify(profile));
      session.disconnect();
    }
    console.log(header());
    for (let i = 0; i < rounds; i++) {
      console.log(row(`bare #${i + 1}`, bareRuns[i] as ArmResult));
      console.log(row(`gw #${i + 1}`, gatewayRuns[i] as ArmResult));
    }
    const bare = summarise(bareRuns);
    const gateway = summarise(gatewayRuns);
    console.log(row("bare", bare));
    console.log(row("gateway", gateway));
    const ratio = gateway.rps / bare.rps;
    console.log(
      `throughput ratio gateway/bare: ${ratio.toFixed(2)} (goal ≥ 0.50: ${ratio >= 0.5 ? "met" : "NOT met"})`,
    );
    // On a busy machine the proxy process may not be the bottleneck; the CPU ratio is what throughput would be if it were.
    console.log(
      `cpu-bound ratio (bare cpu/req ÷ gateway cpu/req): ${(bare.cpuUsPerRequest / gateway.cpuUsPerRequest).toFixed(2)}`,
    );
    await metricsBench();
  } finally {
    bareProxy.close();
    await gw.close();
    driver.send("stop");
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
