import { UpdateStageCommand } from "@aws-sdk/client-api-gateway";
import { CloudWatchClient, GetMetricDataCommand, type Dimension } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../test-helpers";
import { createApi, deploy, invokeUrl, keyInPlan } from "./test-api";

let t: TestGateway;
let cw: CloudWatchClient;

beforeAll(async () => {
  t = await startTestGateway();
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
});

async function sums(dims: Dimension[], names: string[], stat = "Sum"): Promise<Record<string, number>> {
  const now = t.clock.now();
  const out = await cw.send(
    new GetMetricDataCommand({
      MetricDataQueries: names.map((name, i) => ({
        Id: `m${i}`,
        MetricStat: {
          Metric: { Namespace: "AWS/ApiGateway", MetricName: name, Dimensions: dims },
          Period: 60,
          Stat: stat,
        },
      })),
      StartTime: new Date(now - 600_000),
      EndTime: new Date(now + 60_000),
    }),
  );
  return Object.fromEntries(
    names.map((name, i) => [
      name,
      (out.MetricDataResults?.find((r) => r.Id === `m${i}`)?.Values ?? []).reduce((a, b) => a + b, 0),
    ]),
  );
}

it("records Count, 4XXError, 5XXError and latencies per API, per stage and (detailed) per method", async () => {
  const apiId = await createApi(t.v1, "metrics-api", [
    { path: "/pets", method: "GET", apiKeyRequired: true, mock: { body: "[]" } },
    { path: "/down", method: "GET", uri: "http://127.0.0.1:9/nothing" },
  ]);
  await deploy(t.v1, apiId, "prod");
  await t.v1.send(
    new UpdateStageCommand({
      restApiId: apiId,
      stageName: "prod",
      patchOperations: [{ op: "replace", path: "/*/*/metrics/enabled", value: "true" }],
    }),
  );
  const { value } = await keyInPlan(t.v1, [{ apiId, stage: "prod" }]);
  const url = (p: string) => invokeUrl(t.gw.url, apiId, "prod", p);
  for (let i = 0; i < 3; i++)
    expect((await fetch(url("/pets"), { headers: { "x-api-key": value } })).status).toBe(200);
  for (let i = 0; i < 2; i++) expect((await fetch(url("/pets"))).status).toBe(403);
  expect((await fetch(url("/nope"))).status).toBe(403);
  expect((await fetch(url("/down"))).status).toBe(502);

  const api = [{ Name: "ApiName", Value: "metrics-api" }];
  const stage = [...api, { Name: "Stage", Value: "prod" }];
  const pets = [...stage, { Name: "Method", Value: "GET" }, { Name: "Resource", Value: "/pets" }];
  const names = ["Count", "4XXError", "5XXError"];
  expect(await sums(api, names)).toEqual({ Count: 7, "4XXError": 3, "5XXError": 1 });
  expect(await sums(stage, names)).toEqual({ Count: 7, "4XXError": 3, "5XXError": 1 });
  expect(await sums(pets, names)).toEqual({ Count: 5, "4XXError": 2, "5XXError": 0 });
  const latency = await sums(stage, ["Latency", "IntegrationLatency"], "SampleCount");
  expect(latency).toEqual({ Latency: 7, IntegrationLatency: 7 });
});

it("records no per-method series when detailed metrics are off", async () => {
  const apiId = await createApi(t.v1, "plain-api", [{ path: "/a", method: "GET", mock: { body: "{}" } }]);
  await deploy(t.v1, apiId, "prod");
  await fetch(invokeUrl(t.gw.url, apiId, "prod", "/a"));
  const stage = [
    { Name: "ApiName", Value: "plain-api" },
    { Name: "Stage", Value: "prod" },
  ];
  expect(await sums(stage, ["Count"])).toEqual({ Count: 1 });
  expect(
    await sums([...stage, { Name: "Method", Value: "GET" }, { Name: "Resource", Value: "/a" }], ["Count"]),
  ).toEqual({ Count: 0 });
});
