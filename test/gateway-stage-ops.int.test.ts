// Every kind of stage change the console offers, applied through the console's own code to a Local Gateway (which
// follows AWS's UpdateStage rules, docs/aws-api-gateway.md §2), then read back: the paths are accepted and do what
// they say.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeedResult } from "@tollgate/local-gateway/demo";
import type { StageChange } from "@/lib/schemas/stages";
import { operator, startConsoleGateway, type ConsoleGateway } from "./console-gateway";

let env: ConsoleGateway;
let seeded: SeedResult;

beforeAll(async () => {
  env = await startConsoleGateway({ name: "stage-ops" });
  seeded = env.seeded;
});

afterAll(async () => {
  await env?.close();
});

async function apply(stageName: string, change: StageChange) {
  const { getRestStage } = await import("@/lib/aws/stages");
  const { applyStageChange } = await import("@/lib/stages/commands");
  const { stageVersion } = await import("@/lib/stages/version");
  const api = seeded.restApis.payments;
  const version = stageVersion(await getRestStage(api, stageName));
  return (await applyStageChange(operator, { restApiId: api, stageName, version, change })).stage;
}

describe("REST stage changes against the gateway", () => {
  it("variables: set and remove", async () => {
    const s = await apply("dev", {
      kind: "variables",
      set: { a_b: "x:/y?z=1", version: "v1" },
      remove: ["upstream"],
    });
    expect(s.variables).toMatchObject({ a_b: "x:/y?z=1", version: "v1" });
    expect(s.variables.upstream).toBeUndefined();
  });
  it("stage-wide and per-method throttling, then removing the override", async () => {
    let s = await apply("dev", {
      kind: "throttling",
      target: { resourcePath: "*", httpMethod: "*" },
      rateLimit: 50,
      burstLimit: 100,
    });
    expect(s.methodSettings.find((m) => m.key === "*/*")).toMatchObject({
      throttlingRateLimit: 50,
      throttlingBurstLimit: 100,
    });
    const target = { resourcePath: "/payments/{paymentId}", httpMethod: "GET" };
    s = await apply("dev", { kind: "throttling", target, rateLimit: 2.5, burstLimit: 5 });
    const key = "~1payments~1{paymentId}/GET";
    expect(s.methodSettings.find((m) => m.key === key)).toMatchObject({
      throttlingRateLimit: 2.5,
      throttlingBurstLimit: 5,
    });
    s = await apply("dev", { kind: "method-settings-remove", target });
    expect(s.methodSettings.find((m) => m.key === key)).toBeUndefined();
  });
  it("cache cluster, per-method caching TTL and the switches", async () => {
    let s = await apply("dev", { kind: "cache-cluster", enabled: true, size: "6.1" });
    expect(s).toMatchObject({
      cacheClusterEnabled: true,
      cacheClusterSize: "6.1",
      cacheClusterStatus: "AVAILABLE",
    });
    s = await apply("dev", {
      kind: "caching",
      target: { resourcePath: "/payments", httpMethod: "GET" },
      enabled: true,
      ttlInSeconds: 60,
    });
    expect(s.methodSettings.find((m) => m.key === "~1payments/GET")).toMatchObject({
      cachingEnabled: true,
      cacheTtlInSeconds: 60,
    });
    s = await apply("dev", {
      kind: "observability",
      metricsEnabled: true,
      loggingLevel: "INFO",
      tracingEnabled: true,
    });
    expect(s.tracingEnabled).toBe(true);
    expect(s.methodSettings.find((m) => m.key === "*/*")).toMatchObject({
      metricsEnabled: true,
      loggingLevel: "INFO",
    });
    const { flushStageCache } = await import("@/lib/stages/commands");
    await expect(flushStageCache(operator, seeded.restApis.payments, "dev")).resolves.toBeUndefined();
    await expect(flushStageCache(operator, seeded.restApis.payments, "prod")).rejects.toMatchObject({
      code: "invalid",
    });
  });
  it("canary: change the percentage, abandon, start on an existing deployment, promote", async () => {
    let s = await apply("prod", { kind: "canary-percent", percentTraffic: 40 });
    expect(s.canary?.percentTraffic).toBe(40);
    const canaryDeployment = s.canary!.deploymentId;
    s = await apply("prod", { kind: "canary-abandon" });
    expect(s.canary).toBeNull();
    s = await apply("prod", {
      kind: "canary-start",
      deploymentId: canaryDeployment,
      percentTraffic: 25,
      stageVariableOverrides: { version: "v2" },
      useStageCache: false,
    });
    expect(s.canary).toMatchObject({
      deploymentId: canaryDeployment,
      percentTraffic: 25,
      stageVariableOverrides: { version: "v2" },
    });
    s = await apply("prod", { kind: "canary-promote" });
    expect(s).toMatchObject({ deploymentId: canaryDeployment, canary: null });
    expect(s.variables.version).toBe("v2");
  });
  it("refuses a plain deployment while a canary runs, and an empty change", async () => {
    const { getRestStage } = await import("@/lib/aws/stages");
    const { deployToStage, applyStageChange } = await import("@/lib/stages/commands");
    const { stageVersion } = await import("@/lib/stages/version");
    const api = seeded.restApis.payments;
    const current = await getRestStage(api, "prod");
    await apply("prod", {
      kind: "canary-start",
      deploymentId: current.deploymentId,
      percentTraffic: 10,
      stageVariableOverrides: {},
      useStageCache: false,
    });
    const version = stageVersion(await getRestStage(api, "prod"));
    await expect(
      deployToStage(operator, { restApiId: api, stageName: "prod", version, description: "x" }),
    ).rejects.toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/promote or abandon/),
    });
    await expect(
      applyStageChange(operator, {
        restApiId: api,
        stageName: "prod",
        version,
        change: { kind: "variables", set: {}, remove: [] },
      }),
    ).rejects.toMatchObject({ code: "invalid", message: expect.stringMatching(/Nothing to change/) });
  });
  it("finance cannot change a stage", async () => {
    const { applyStageChange } = await import("@/lib/stages/commands");
    await expect(
      applyStageChange(
        { ...operator, role: "finance" },
        { restApiId: "x", stageName: "prod", version: "v", change: { kind: "canary-abandon" } },
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("HTTP API stage changes against the gateway", () => {
  it("variables, default and per-route throttling, auto-deploy", async () => {
    const { loadHttpStage } = await import("@/lib/apis/loaders");
    const { applyHttpStageChange } = await import("@/lib/stages/commands");
    const apiId = seeded.httpApiId;
    const run = async (change: Parameters<typeof applyHttpStageChange>[1]["change"]) => {
      const { version } = await loadHttpStage(operator, apiId, "prod");
      await applyHttpStageChange(operator, { apiId, stageName: "prod", version, change });
      return (await loadHttpStage(operator, apiId, "prod")).stage!;
    };
    let s = await run({ kind: "variables", set: { a: "1", b: "2" }, remove: [] });
    expect(s.variables).toMatchObject({ a: "1", b: "2" });
    s = await run({ kind: "variables", set: { b: "3" }, remove: ["a"] });
    expect(s.variables.a).toBeUndefined();
    expect(s.variables.b).toBe("3");
    s = await run({ kind: "throttling", routeKey: null, rateLimit: 10, burstLimit: 20 });
    expect(s.defaultRouteSettings).toMatchObject({ throttlingRateLimit: 10, throttlingBurstLimit: 20 });
    s = await run({ kind: "throttling", routeKey: "GET /pets", rateLimit: 1, burstLimit: 2 });
    expect(s.routeSettings["GET /pets"]).toMatchObject({ throttlingRateLimit: 1, throttlingBurstLimit: 2 });
    s = await run({ kind: "auto-deploy", autoDeploy: true });
    expect(s.autoDeploy).toBe(true);
    const { version } = await loadHttpStage(operator, apiId, "prod");
    await expect(
      applyHttpStageChange(operator, {
        apiId,
        stageName: "prod",
        version: `${version}x`,
        change: { kind: "auto-deploy", autoDeploy: false },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});
