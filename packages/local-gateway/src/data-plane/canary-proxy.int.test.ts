import {
  CreateDeploymentCommand,
  PutIntegrationResponseCommand,
  GetResourcesCommand,
  UpdateStageCommand,
} from "@aws-sdk/client-api-gateway";
import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoUpstream, startDemoUpstream } from "../demo/upstream";
import { startTestGateway, type TestGateway } from "../test-helpers";
import { canaryStageName, seededRandom } from "./canary";
import { configureDataPlane } from "./runtime";
import { createApi, deploy, invokeUrl, keyInPlan } from "./test-api";

let t: TestGateway;
let up: DemoUpstream;
let cw: CloudWatchClient;

beforeAll(async () => {
  t = await startTestGateway();
  up = await startDemoUpstream({ port: 0 });
  cw = new CloudWatchClient({
    region: "us-east-1",
    endpoint: t.gw.url,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  cw.destroy();
  await t.stop();
  await up.close();
});

async function json(r: Response): Promise<Record<string, unknown>> {
  return (await r.json()) as Record<string, unknown>;
}

describe("HTTP_PROXY forwarding and stage variables", () => {
  let apiId: string;
  beforeAll(async () => {
    apiId = await createApi(t.v1, "proxy-api", [
      {
        path: "/pay/{proxy+}",
        method: "ANY",
        uri: "http://${stageVariables.upstream}/${stageVariables.version}/payments/{proxy}",
      },
      {
        path: "/forecast/{city}",
        method: "GET",
        uri: "http://${stageVariables.upstream}/v1/forecast/{city}",
      },
      { path: "/down", method: "GET", uri: "http://127.0.0.1:9/v1/payments" },
      {
        path: "/slow",
        method: "GET",
        uri: "http://${stageVariables.upstream}/v2/payments",
        timeoutInMillis: 50,
      },
      { path: "/mock", method: "GET", mock: { status: 201, body: '{"mocked":true}' } },
    ]);
    await deploy(t.v1, apiId, "prod", { upstream: up.url.slice("http://".length), version: "v1" });
  });
  const url = (path: string) => invokeUrl(t.gw.url, apiId, "prod", path);

  it("substitutes ${stageVariables.x} and {proxy}, and forwards method, query, headers and body", async () => {
    const r = await fetch(url("/pay/a/b?amount=5&currency=EUR"), {
      method: "POST",
      headers: { "content-type": "text/plain", "x-tenant": "acme" },
      body: "hello",
    });
    expect(r.status).toBe(200);
    expect(r.headers.get("x-amzn-requestid")).toBeTruthy();
    const body = await json(r);
    expect(body).toMatchObject({
      version: "v1",
      method: "POST",
      path: "/v1/payments/a/b",
      query: { amount: "5", currency: "EUR" },
      body: "hello",
    });
    const headers = body.headers as Record<string, string>;
    expect(headers["x-tenant"]).toBe("acme");
    expect(headers.host).toBe(new URL(up.url).host);
  });

  it("substitutes a {param}", async () => {
    const body = await json(await fetch(url("/forecast/oslo")));
    expect(body.path).toBe("/v1/forecast/oslo");
  });

  it("answers a MOCK integration from its static templates", async () => {
    const r = await fetch(url("/mock"));
    expect(r.status).toBe(201);
    expect(r.headers.get("x-amz-apigw-id")).toBeTruthy();
    expect(await r.json()).toEqual({ mocked: true });
  });

  it("answers 502 when the upstream is down", async () => {
    const r = await fetch(url("/down"));
    expect(r.status).toBe(502);
    expect(await r.json()).toEqual({ message: "Internal server error" });
    expect(r.headers.get("x-amzn-requestid")).toBeTruthy();
  });

  it("answers 504 past the integration timeout", async () => {
    up.config.v2.latencyMs = 400;
    try {
      const r = await fetch(url("/slow"));
      expect(r.status).toBe(504);
      expect(await r.json()).toEqual({ message: "Endpoint request timed out" });
    } finally {
      up.config.v2.latencyMs = 0;
    }
  });
});

describe("canary", () => {
  let apiId: string;
  let keyValue: string;
  beforeAll(async () => {
    apiId = await createApi(t.v1, "canary-api", [
      { path: "/which", method: "GET", apiKeyRequired: true, mock: { body: '{"arm":"base"}' } },
      {
        path: "/pay",
        method: "GET",
        uri: "http://${stageVariables.upstream}/${stageVariables.version}/payments",
      },
    ]);
    await deploy(t.v1, apiId, "prod", {
      upstream: up.url.slice("http://".length),
      version: "v1",
      region: "eu",
    });
    // The canary deployment answers differently, so each response tells which arm served it.
    const resources = await t.v1.send(new GetResourcesCommand({ restApiId: apiId }));
    const which = resources.items?.find((r) => r.path === "/which")?.id;
    await t.v1.send(
      new PutIntegrationResponseCommand({
        restApiId: apiId,
        resourceId: which,
        httpMethod: "GET",
        statusCode: "200",
        responseTemplates: { "application/json": '{"arm":"canary"}' },
      }),
    );
    await t.v1.send(
      new CreateDeploymentCommand({
        restApiId: apiId,
        stageName: "prod",
        canarySettings: { percentTraffic: 25, stageVariableOverrides: { version: "v2", extra: "x" } },
      }),
    );
    keyValue = (await keyInPlan(t.v1, [{ apiId, stage: "prod" }])).value;
  });
  const url = (path: string) => invokeUrl(t.gw.url, apiId, "prod", path);

  it("sends percentTraffic of the requests to the canary and records them under <stage>/Canary", async () => {
    configureDataPlane(t.gw.ctx, { random: seededRandom(1234) });
    const arms = { base: 0, canary: 0 };
    const total = 2000;
    for (let i = 0; i < total; i += 50) {
      const batch = await Promise.all(
        Array.from({ length: 50 }, () =>
          fetch(url("/which"), { headers: { "x-api-key": keyValue } }).then(
            (r) => r.json() as Promise<{ arm: "base" | "canary" }>,
          ),
        ),
      );
      for (const b of batch) arms[b.arm]++;
    }
    expect(arms.base + arms.canary).toBe(total);
    expect(arms.canary / total).toBeGreaterThanOrEqual(0.2);
    expect(arms.canary / total).toBeLessThanOrEqual(0.3);

    const now = t.clock.now();
    const query = (id: string, stage: string): MetricDataQuery => ({
      Id: id,
      MetricStat: {
        Metric: {
          Namespace: "AWS/ApiGateway",
          MetricName: "Count",
          Dimensions: [
            { Name: "ApiName", Value: "canary-api" },
            { Name: "Stage", Value: stage },
          ],
        },
        Period: 3600,
        Stat: "Sum",
      },
    });
    const out = await cw.send(
      new GetMetricDataCommand({
        MetricDataQueries: [query("base", "prod"), query("canary", canaryStageName("prod"))],
        StartTime: new Date(now - 3600_000),
        EndTime: new Date(now + 60_000),
      }),
    );
    const sum = (id: string) =>
      (out.MetricDataResults?.find((r) => r.Id === id)?.Values ?? []).reduce((a, b) => a + b, 0);
    expect(sum("base")).toBe(arms.base);
    expect(sum("canary")).toBe(arms.canary);
  });

  it("gives canary requests the stage variables merged with the overrides", async () => {
    await t.v1.send(
      new UpdateStageCommand({
        restApiId: apiId,
        stageName: "prod",
        patchOperations: [{ op: "replace", path: "/canarySettings/percentTraffic", value: "100" }],
      }),
    );
    const canary = await json(await fetch(url("/pay")));
    expect(canary.path).toBe("/v2/payments");
    await t.v1.send(
      new UpdateStageCommand({
        restApiId: apiId,
        stageName: "prod",
        patchOperations: [{ op: "replace", path: "/canarySettings/percentTraffic", value: "0" }],
      }),
    );
    const base = await json(await fetch(url("/pay")));
    expect(base.path).toBe("/v1/payments");
  });
});
