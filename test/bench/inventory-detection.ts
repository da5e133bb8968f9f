// npm run bench:inventory — how long a change made outside Tollgate takes to show on a stage's Changes timeline,
// with the default inventory pace (INVENTORY_SYNC_RPS=2) and a Local Gateway enforcing AWS's control-plane limits,
// over 50 REST APIs × 3 stages, 10 HTTP APIs and 20 usage plans. The stage being looked at (watched: its page was
// viewed in the last minute) and the rest (found by the sweep) are measured apart. Baseline in the same run: the
// previous sweep, which listed and re-read one API's detail on every sweep (listEveryMs/extrasEveryMs 0), against
// today's (lists every 45 s, detail every 2 min, oldest-checked first). Also prints the console's AWS calls a
// second as the gateway counted them and each sweep's cost. Env: BENCH_CHANGES (12), BENCH_REST_APIS (50), …
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateUsagePlanCommand,
  ImportRestApiCommand,
  UpdateStageCommand,
} from "@aws-sdk/client-api-gateway";
import { ApiGatewayV2Client, CreateApiCommand, CreateStageCommand } from "@aws-sdk/client-apigatewayv2";

const REST = Number(process.env.BENCH_REST_APIS ?? 50);
const HTTP = Number(process.env.BENCH_HTTP_APIS ?? 10);
const PLANS = Number(process.env.BENCH_PLANS ?? 20);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 12);

const dir = mkdtempSync(path.join(tmpdir(), "tollgate-bench-inventory-"));
const dbUrl = `file:${path.join(dir, "bench.db")}`;
Object.assign(process.env, {
  DATABASE_URL: dbUrl,
  TOLLGATE_MODE: "local",
  LOG_LEVEL: "silent",
  DATA_DIR: dir,
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
});
const { migrateDatabase } = await import("../../scripts/lib/migrate");
await migrateDatabase(dbUrl, { quiet: true });
const { createGateway } = await import("@tollgate/local-gateway");
const { versionedItemsOpenApi } = await import("@tollgate/local-gateway/testing");
const gw = await createGateway({ port: 0, dataDir: dir, controlLimits: false });
process.env.AWS_ENDPOINT_URL = gw.url;
const creds = { accessKeyId: "outside", secretAccessKey: "outside" };
const v1 = new APIGatewayClient({ region: "us-east-1", endpoint: gw.url, credentials: creds });
const v2 = new ApiGatewayV2Client({ region: "us-east-1", endpoint: gw.url, credentials: creds });

console.log(`seeding ${REST} REST APIs × 3 stages, ${HTTP} HTTP APIs, ${PLANS} usage plans…`);
const restIds: string[] = [];
for (let i = 0; i < REST; i++) {
  const doc = versionedItemsOpenApi(`bench-${i}`);
  const api = await v1.send(
    new ImportRestApiCommand({ body: new TextEncoder().encode(JSON.stringify(doc)) }),
  );
  for (const stageName of ["dev", "staging", "prod"])
    await v1.send(
      new CreateDeploymentCommand({ restApiId: api.id!, stageName, variables: { version: "v1" } }),
    );
  restIds.push(api.id!);
}
for (let i = 0; i < HTTP; i++) {
  const api = await v2.send(new CreateApiCommand({ Name: `bench-http-${i}`, ProtocolType: "HTTP" }));
  await v2.send(new CreateStageCommand({ ApiId: api.ApiId!, StageName: "prod" }));
}
for (let i = 0; i < PLANS; i++)
  await v1.send(
    new CreateUsagePlanCommand({
      name: `bench-plan-${i}`,
      throttle: { rateLimit: 10, burstLimit: 20 },
      apiStages: [{ apiId: restIds[i % REST]!, stage: "prod" }],
    }),
  );

const { runInventorySync } = await import("../../lib/inventory/sync");
const { setControlLimits } = await import("@tollgate/local-gateway/testing");
const { touchWatch } = await import("../../lib/db/gateway-changes");
const { inventoryScope } = await import("../../lib/inventory/scope");
const { db } = await import("../../lib/db/client");
const scope = inventoryScope();
// Counted by the gateway itself: every control-plane call the console made.
const callTotal = async (): Promise<number> => {
  const body = (await (await fetch(`${gw.url}/_localgateway/calls`)).json()) as {
    calls: Record<string, number>;
  };
  return Object.values(body.calls).reduce((a, b) => a + b, 0);
};

// The first sweep imports the estate (unpaced: not what is measured), then AWS's limits are switched on.
const imp = await runInventorySync({ rps: Infinity });
console.log(`import sweep: ${imp.awsCalls} calls, ${imp.ms} ms`);
await setControlLimits(gw, true);

type SweepPolicy = { listEveryMs?: number; extrasEveryMs?: number };
async function measure(label: string, watched: boolean, policy: SweepPolicy = {}) {
  let stop = false;
  const sweeps: { calls: number; ms: number }[] = [];
  // The scheduler's loop: a sweep, then the next one as soon as the lease is free (every 5 s tick).
  const loop = (async () => {
    while (!stop) sweeps.push(await runInventorySync(policy).then((r) => ({ calls: r.awsCalls, ms: r.ms })));
  })();
  const target = restIds[0]!;
  const viewing = watched
    ? setInterval(() => void touchWatch(scope, `rest:${target}`, new Date()), 15_000)
    : undefined;
  if (watched) await touchWatch(scope, `rest:${target}`, new Date());
  const calls0 = await callTotal();
  const t0 = Date.now();
  const delays: number[] = [];
  for (let i = 0; i < CHANGES; i++) {
    // Spread the changes over the sweep so they land at every point of it.
    await new Promise((r) => setTimeout(r, 1000 + Math.random() * 4000));
    const apiId = watched ? target : restIds[1 + Math.floor(Math.random() * (REST - 1))]!;
    const stage = ["dev", "staging", "prod"][i % 3]!;
    const at = new Date();
    await v1.send(
      new UpdateStageCommand({
        restApiId: apiId,
        stageName: stage,
        patchOperations: [{ op: "replace", path: "/variables/version", value: `v${label.length}${i + 2}` }],
      }),
    );
    for (;;) {
      const found = await db.gatewayChange.findFirst({
        where: { ...scope, apiId, stageName: stage, source: "outside", createdAt: { gte: at } },
      });
      if (found) {
        delays.push(found.createdAt.getTime() - at.getTime());
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const seconds = (Date.now() - t0) / 1000;
  const rate = ((await callTotal()) - calls0) / seconds;
  stop = true;
  if (viewing) clearInterval(viewing);
  await loop;
  delays.sort((a, b) => a - b);
  const q = (p: number) => delays[Math.min(delays.length - 1, Math.ceil(p * delays.length) - 1)]!;
  const full = sweeps.filter((s) => s.calls > 0);
  console.log(
    `${q(0.95) <= 30_000 ? "PASS" : "FAIL"} (p95 ≤ 30 s)  ${label.padEnd(28)} detection p50 ${(q(0.5) / 1000).toFixed(1)} s  p95 ${(q(0.95) / 1000).toFixed(1)} s  max ${(delays.at(-1)! / 1000).toFixed(1)} s  ` +
      `console AWS calls ${rate.toFixed(2)}/s  sweeps ${full.length} (≈${Math.round(full.reduce((a, s) => a + s.calls, 0) / Math.max(1, full.length))} calls, ${Math.round(full.reduce((a, s) => a + s.ms, 0) / Math.max(1, full.length) / 1000)} s each)`,
  );
}

console.log(
  `measuring ${CHANGES} outside changes each (INVENTORY_SYNC_RPS=${process.env.INVENTORY_SYNC_RPS ?? 2})…`,
);
await measure("baseline: previous sweep", false, { listEveryMs: 0, extrasEveryMs: 0 });
await measure("sweep only (nobody watches)", false);
await measure("watched stage (page open)", true);
await gw.close();
await db.$disconnect();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
