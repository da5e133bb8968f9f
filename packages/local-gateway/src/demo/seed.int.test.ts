import {
  GetApiKeysCommand,
  GetRestApisCommand,
  GetStageCommand,
  GetUsagePlansCommand,
} from "@aws-sdk/client-api-gateway";
import { GetApisCommand, GetRoutesCommand } from "@aws-sdk/client-apigatewayv2";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../test-helpers";
import { TENANT_TAG } from "./definitions";
import { seedDemo, type SeedResult } from "./seed";
import { type DemoUpstream, startDemoUpstream } from "./upstream";

let t: TestGateway;
let up: DemoUpstream;
let first: SeedResult;
const tenants = [
  { id: "t-acme", name: "Acme Travel" },
  { id: "t-globex", name: "Globex Retail" },
  { id: "t-initech", name: "Initech" },
  { id: "t-umbrella", name: "Umbrella" },
];

beforeAll(async () => {
  t = await startTestGateway();
  up = await startDemoUpstream({ port: 0 });
  first = await seedDemo({ endpoint: t.gw.url, upstreamUrl: up.url, tenants });
});
afterAll(async () => {
  await t.stop();
  await up.close();
});

async function counts(): Promise<Record<string, number>> {
  return {
    restApis: (await t.v1.send(new GetRestApisCommand({ limit: 500 }))).items?.length ?? 0,
    plans: (await t.v1.send(new GetUsagePlansCommand({ limit: 500 }))).items?.length ?? 0,
    keys: (await t.v1.send(new GetApiKeysCommand({ limit: 500 }))).items?.length ?? 0,
    v2Apis: (await t.v2.send(new GetApisCommand({}))).Items?.length ?? 0,
    routes: (await routeKeys(first.httpApiId)).length + (await routeKeys(first.webSocketApiId)).length,
  };
}
const routeKeys = async (apiId: string) =>
  ((await t.v2.send(new GetRoutesCommand({ ApiId: apiId }))).Items ?? []).map((r) => r.RouteKey).sort();

it("creates the demo account and nothing more when run again", async () => {
  expect(await counts()).toEqual({ restApis: 2, plans: 3, keys: 4, v2Apis: 2, routes: 5 });
  const again = await seedDemo({ endpoint: t.gw.url, upstreamUrl: up.url, tenants });
  expect(again).toEqual(first);
  expect(await counts()).toEqual({ restApis: 2, plans: 3, keys: 4, v2Apis: 2, routes: 5 });
  expect(await routeKeys(first.httpApiId)).toEqual(["GET /notifications/{id}", "POST /notifications"]);
  expect(first.keys.map((k) => k.plan)).toEqual(["Bronze", "Silver", "Gold", "Bronze"]);
});

it("tags each key with its tenant and puts a 10 % v2 canary on payments prod", async () => {
  const keys = await t.v1.send(new GetApiKeysCommand({ customerId: "t-globex", limit: 500 }));
  expect(keys.items?.map((k) => k.tags?.[TENANT_TAG])).toEqual(["t-globex"]);
  const prod = await t.v1.send(
    new GetStageCommand({ restApiId: first.restApis.payments, stageName: "prod" }),
  );
  expect(prod.canarySettings).toMatchObject({
    percentTraffic: 10,
    stageVariableOverrides: { version: "v2" },
  });
  expect(prod.variables).toEqual({ upstream: new URL(up.url).host, version: "v1" });
});

it("serves the seeded APIs on the data plane with the tenants' keys", async () => {
  const key = first.keys[0]?.value as string;
  const payments = `${t.gw.url}/restapis/${first.restApis.payments}`;
  const r = await fetch(`${payments}/prod/_user_request_/payments/p-42?expand=1`, {
    headers: { "x-api-key": key },
  });
  expect(r.status).toBe(200);
  const body = (await r.json()) as { path: string; query: Record<string, string> };
  expect(["/v1/payments/p-42", "/v2/payments/p-42"]).toContain(body.path);
  expect(body.query).toEqual({ expand: "1" });
  expect((await fetch(`${payments}/prod/_user_request_/payments`)).status).toBe(403);
  const weather = await fetch(
    `${t.gw.url}/restapis/${first.restApis.weather}/prod/_user_request_/forecast/oslo`,
    {
      headers: { "x-api-key": key },
    },
  );
  expect(((await weather.json()) as { path: string }).path).toBe("/v1/forecast/oslo");
  const dev = await fetch(`${payments}/dev/_user_request_/payments`, { headers: { "x-api-key": key } });
  expect(((await dev.json()) as { path: string }).path).toBe("/v2/payments");
});

it("points the stages at a moved upstream on a re-run", async () => {
  await seedDemo({ endpoint: t.gw.url, upstreamUrl: "http://127.0.0.1:1", tenants });
  const prod = await t.v1.send(
    new GetStageCommand({ restApiId: first.restApis.payments, stageName: "prod" }),
  );
  expect(prod.variables?.upstream).toBe("127.0.0.1:1");
  await seedDemo({ endpoint: t.gw.url, upstreamUrl: up.url, tenants });
});
