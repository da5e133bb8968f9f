// The control-plane budget against a real Local Gateway with AWS's limits on, counted at the gateway: a burst of
// page loads plus a background job stays within rate·t + burst, a 429's Retry-After is waited out instead of
// failing, and 20 operators watching one stage's charts cost one GetMetricData.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { APIGatewayClient, CreateRestApiCommand, CreateUsagePlanCommand } from "@aws-sdk/client-api-gateway";
import { ApiGatewayV2Client, CreateApiCommand } from "@aws-sdk/client-apigatewayv2";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { StaffActor } from "@/lib/auth/actor";
import type { Gateway } from "@tollgate/local-gateway";
import { setControlLimits } from "@tollgate/local-gateway/testing";

const RATE = 8;
const BURST = 8;
const operator: StaffActor = {
  kind: "staff",
  id: "op",
  email: "op@test.example",
  name: "Op",
  role: "operator",
  tenantId: null,
};
let gw: Gateway;
let dataDir: string;

type Calls = { calls: Record<string, number>; services: Record<string, Record<string, number>> };
async function gatewayCalls(): Promise<Calls> {
  return (await (await fetch(`${gw.url}/_localgateway/calls`)).json()) as Calls;
}
const controlPlane = (c: Calls) =>
  Object.entries(c.services)
    .filter(([svc]) => svc !== "cloudwatch")
    .reduce((n, [, ops]) => n + Object.values(ops).reduce((a, b) => a + b, 0), 0);

beforeAll(async () => {
  const { createGateway } = await import("@tollgate/local-gateway");
  dataDir = mkdtempSync(path.join(tmpdir(), "tollgate-budget-"));
  gw = await createGateway({ port: 0, dataDir, controlLimits: false });
  const credentials = { accessKeyId: "test", secretAccessKey: "test" };
  const v1 = new APIGatewayClient({ region: "us-east-1", endpoint: gw.url, credentials });
  const v2 = new ApiGatewayV2Client({ region: "us-east-1", endpoint: gw.url, credentials });
  for (let i = 0; i < 4; i++) await v1.send(new CreateRestApiCommand({ name: `budget-${i}` }));
  await v2.send(new CreateApiCommand({ Name: "budget-http", ProtocolType: "HTTP" }));
  for (let i = 0; i < 2; i++) await v1.send(new CreateUsagePlanCommand({ name: `budget-plan-${i}` }));
  v1.destroy();
  v2.destroy();
  // Before lib/env is first imported: the console's clients point here, with a budget below AWS's 10/s.
  process.env.TOLLGATE_MODE = "local";
  process.env.AWS_ENDPOINT_URL = gw.url;
  process.env.AWS_CONTROL_PLANE_RPS = String(RATE);
  process.env.AWS_CONTROL_PLANE_BURST = String(BURST);
  await setControlLimits(gw, true);
});

afterAll(async () => {
  await gw?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it("a burst of page loads and a sync job stays within the budget at the gateway, with no 429", async () => {
  const { loadApiList } = await import("@/lib/apis/loaders");
  const { runUsageSync } = await import("@/lib/usage/sync");
  const { withPriority } = await import("@/lib/aws/priority");
  const { awsBudgetStats } = await import("@/lib/aws/clients");
  await fetch(`${gw.url}/_localgateway/calls`, { method: "DELETE" });
  const samples: { t: number; n: number }[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      samples.push({ t: performance.now(), n: controlPlane(await gatewayCalls()) });
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const t0 = performance.now();
  // 8 operators open the APIs page at once (2 list calls + one GetStages per API = 7 calls each) while the usage
  // sync runs in the background: ~60 control-plane calls, far more than the burst.
  const [lists, sync] = await Promise.all([
    Promise.all(Array.from({ length: 8 }, () => loadApiList(operator))),
    withPriority("inventory", () => runUsageSync({ days: 1, rps: 100 })),
  ]);
  const elapsed = (performance.now() - t0) / 1000;
  sampling = false;
  await sampler;
  samples.push({ t: performance.now(), n: controlPlane(await gatewayCalls()) });

  expect(lists.every((l) => l.length === 5)).toBe(true);
  expect(sync.plans).toBe(2);
  const total = samples.at(-1)!.n;
  expect(total).toBeGreaterThanOrEqual(56 + 4);
  // Without the budget all of it goes out in well under a second; with it, ≥ (total - burst) / rate.
  expect(elapsed).toBeGreaterThanOrEqual((total - BURST) / RATE - 0.5);
  // Every window of the gateway's own count: at most burst + rate·(window + sampling slack).
  for (let i = 0; i < samples.length; i++)
    for (let j = i + 1; j < samples.length; j++) {
      const dt = (samples[j]!.t - samples[i]!.t) / 1000;
      expect(samples[j]!.n - samples[i]!.n).toBeLessThanOrEqual(BURST + RATE * (dt + 0.15) + 1);
    }
  const stats = awsBudgetStats().controlPlane;
  expect(stats.totals.throttled).toBe(0);
  expect(stats.totals.calls).toBe(total);
  expect(stats.totals.waited).toBeGreaterThan(0);
}, 30_000);

it("waits out a 429's Retry-After and then succeeds, counting the 429", async () => {
  const { createDeployment } = await import("@/lib/aws/deployments");
  const { listRestApis } = await import("@/lib/aws/rest-apis");
  const { awsBudgetStats } = await import("@/lib/aws/clients");
  const [api] = await listRestApis();
  const { CreateResourceCommand, GetResourcesCommand, PutMethodCommand, PutIntegrationCommand } =
    await import("@aws-sdk/client-api-gateway");
  const v1 = new APIGatewayClient({
    region: "us-east-1",
    endpoint: gw.url,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
  const root = (await v1.send(new GetResourcesCommand({ restApiId: api!.id }))).items![0]!;
  const res = await v1.send(
    new CreateResourceCommand({ restApiId: api!.id, parentId: root.id!, pathPart: "x" }),
  );
  await v1.send(
    new PutMethodCommand({
      restApiId: api!.id,
      resourceId: res.id!,
      httpMethod: "GET",
      authorizationType: "NONE",
    }),
  );
  await v1.send(
    new PutIntegrationCommand({ restApiId: api!.id, resourceId: res.id!, httpMethod: "GET", type: "MOCK" }),
  );
  v1.destroy();
  // AWS allows one CreateDeployment per 5 s: the second is answered 429 with Retry-After 5.
  await createDeployment({ restApiId: api!.id, description: "first" });
  const t0 = performance.now();
  await createDeployment({ restApiId: api!.id, description: "second" });
  expect((performance.now() - t0) / 1000).toBeGreaterThanOrEqual(4);
  expect(awsBudgetStats().controlPlane.operations.CreateDeployment).toMatchObject({ throttled: 1, calls: 3 });
}, 30_000);

it("20 operators watching the same stage cost one GetMetricData", async () => {
  const { loadStageMetrics } = await import("@/lib/metrics/loaders");
  await fetch(`${gw.url}/_localgateway/calls`, { method: "DELETE" });
  const target = { kind: "REST" as const, api: "budget-0", stage: "prod" };
  const views = await Promise.all(
    Array.from({ length: 20 }, () => loadStageMetrics(operator, target, "1h", true)),
  );
  // A second round (the charts' next refresh from other operators, within the interval) is still shared.
  views.push(await loadStageMetrics(operator, target, "1h", true));
  expect(views.every((v) => v.points.length === 60)).toBe(true);
  expect((await gatewayCalls()).calls).toEqual({ GetMetricData: 1 });
  // Another stage is another question.
  await loadStageMetrics(operator, { ...target, stage: "dev" }, "1h", true);
  expect((await gatewayCalls()).calls).toEqual({ GetMetricData: 2 });
});
