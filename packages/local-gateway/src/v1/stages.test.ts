import {
  CreateStageCommand,
  DeleteStageCommand,
  FlushStageCacheCommand,
  GetStageCommand,
  GetStagesCommand,
  type PatchOperation,
} from "@aws-sdk/client-api-gateway";
import { beforeEach, describe, expect, it } from "vitest";
import { errorOf, type TestGateway } from "../test-helpers";
import { stageFixture } from "./stage-test-fixture";
import { newDeployment, type DeployedApi } from "./test-fixtures";

const fx = stageFixture();
let t: TestGateway;
let api: DeployedApi;
let stageName: string;
beforeEach(() => ({ t, api, stageName } = fx));
const patch = (ops: PatchOperation[], name?: string) => fx.patch(ops, name);

describe("CreateStage / GetStage(s) / DeleteStage", () => {
  it("renders a fresh stage like AWS, with epoch-second dates on the wire", async () => {
    const res = await t.raw(`/restapis/${api.apiId}/stages/${stageName}`);
    const json = (await res.json()) as Record<string, unknown>;
    expect(json).toMatchObject({
      stageName,
      deploymentId: api.deploymentId,
      cacheClusterEnabled: false,
      cacheClusterStatus: "NOT_AVAILABLE",
      methodSettings: {},
      tracingEnabled: false,
    });
    expect(json).not.toHaveProperty("description");
    expect(json).not.toHaveProperty("canarySettings");
    expect(json.createdDate).toBe(Math.floor(t.clock.now() / 1000));
  });

  it("refuses a duplicate stage with 409 and an unknown deployment with 404", async () => {
    const dup = await errorOf(() =>
      t.v1.send(new CreateStageCommand({ restApiId: api.apiId, stageName, deploymentId: api.deploymentId })),
    );
    expect(dup.name).toBe("ConflictException");
    expect(dup.message).toBe("Stage already exists");
    const bad = await errorOf(() =>
      t.v1.send(new CreateStageCommand({ restApiId: api.apiId, stageName: "x1", deploymentId: "nope" })),
    );
    expect(bad.$metadata?.httpStatusCode).toBe(404);
  });

  it("refuses a canary pointing at an unknown deployment", async () => {
    const e = await errorOf(() =>
      t.v1.send(
        new CreateStageCommand({
          restApiId: api.apiId,
          stageName: "c1",
          deploymentId: api.deploymentId,
          canarySettings: { deploymentId: "zzz" },
        }),
      ),
    );
    expect(e.name).toBe("BadRequestException");
    expect(e.message).toBe("Deployment id does not exist");
  });

  it("lists stages under the wire key item and filters by deploymentId", async () => {
    const raw = (await (await t.raw(`/restapis/${api.apiId}/stages`)).json()) as { item: unknown[] };
    expect(Array.isArray(raw.item)).toBe(true);
    const sdk = await t.v1.send(
      new GetStagesCommand({ restApiId: api.apiId, deploymentId: api.deploymentId }),
    );
    expect(sdk.item?.map((s) => s.stageName)).toContain(stageName);
    const none = await t.v1.send(new GetStagesCommand({ restApiId: api.apiId, deploymentId: "other" }));
    expect(none.item).toEqual([]);
  });

  it("deletes with 202 and then answers 404 Invalid Stage identifier specified", async () => {
    await t.v1.send(new DeleteStageCommand({ restApiId: api.apiId, stageName }));
    const e = await errorOf(() => t.v1.send(new GetStageCommand({ restApiId: api.apiId, stageName })));
    expect(e.name).toBe("NotFoundException");
    expect(e.message).toBe("Invalid Stage identifier specified");
  });

  it("flushes the stage cache with 202", async () => {
    const res = await t.v1.send(new FlushStageCacheCommand({ restApiId: api.apiId, stageName }));
    expect(res.$metadata.httpStatusCode).toBe(202);
  });
});

describe("UpdateStage simple paths", () => {
  it("replaces description, tracing, clientCertificateId, documentationVersion and deploymentId", async () => {
    const d2 = await newDeployment(t.v1, api.apiId);
    const s = await patch([
      { op: "replace", path: "/description", value: "hello" },
      { op: "replace", path: "/tracingEnabled", value: "true" },
      { op: "replace", path: "/clientCertificateId", value: "cert1" },
      { op: "replace", path: "/documentationVersion", value: "v1" },
      { op: "replace", path: "/deploymentId", value: d2 },
    ]);
    expect(s).toMatchObject({
      description: "hello",
      tracingEnabled: true,
      clientCertificateId: "cert1",
      documentationVersion: "v1",
      deploymentId: d2,
    });
  });

  it("rejects an unknown deploymentId with AWS's message", async () => {
    const e = await errorOf(() => patch([{ op: "replace", path: "/deploymentId", value: "nope" }]));
    expect(e.message).toBe("Deployment id does not exist");
  });

  it("sets and removes stage variables and validates their values", async () => {
    let s = await patch([
      { op: "replace", path: "/variables/backend", value: "http://x.example/a" },
      { op: "replace", path: "/variables/v2", value: "b" },
    ]);
    expect(s.variables).toEqual({ backend: "http://x.example/a", v2: "b" });
    s = await patch([{ op: "remove", path: "/variables/v2" }]);
    expect(s.variables).toEqual({ backend: "http://x.example/a" });
    const e = await errorOf(() => patch([{ op: "replace", path: "/variables/bad", value: "has space" }]));
    expect(e.name).toBe("BadRequestException");
  });

  it("enables the cache cluster (AVAILABLE, default size 0.5) and validates the size", async () => {
    const s = await patch([{ op: "replace", path: "/cacheClusterEnabled", value: "true" }]);
    expect(s).toMatchObject({
      cacheClusterEnabled: true,
      cacheClusterStatus: "AVAILABLE",
      cacheClusterSize: "0.5",
    });
    const s2 = await patch([{ op: "replace", path: "/cacheClusterSize", value: "6.1" }]);
    expect(s2.cacheClusterSize).toBe("6.1");
    const e = await errorOf(() => patch([{ op: "replace", path: "/cacheClusterSize", value: "7" }]));
    expect(e.name).toBe("BadRequestException");
    const off = await patch([{ op: "replace", path: "/cacheClusterEnabled", value: "false" }]);
    expect(off.cacheClusterStatus).toBe("NOT_AVAILABLE");
  });

  it("sets and removes access log settings", async () => {
    const s = await patch([
      {
        op: "replace",
        path: "/accessLogSettings/destinationArn",
        value: "arn:aws:logs:us-east-1:0:log-group:x",
      },
      { op: "replace", path: "/accessLogSettings/format", value: "$context.requestId" },
    ]);
    expect(s.accessLogSettings).toEqual({
      destinationArn: "arn:aws:logs:us-east-1:0:log-group:x",
      format: "$context.requestId",
    });
    const s2 = await patch([{ op: "remove", path: "/accessLogSettings" }]);
    expect(s2.accessLogSettings).toBeUndefined();
  });

  it("answers an unknown path with AWS's full list of valid paths", async () => {
    const e = await errorOf(() => patch([{ op: "replace", path: "/nope", value: "1" }]));
    expect(e.name).toBe("BadRequestException");
    expect(e.message).toMatch(
      /^Invalid method setting path: \/nope\. Must be one of: \[\/deploymentId, \/description, /,
    );
    expect(e.message).toContain(
      "/*/*/throttling/burstLimit /*/*/throttling/rateLimit /*/*/caching/ttlInSeconds",
    );
    expect(e.message.endsWith("/variables/{variable_name}, /tracingEnabled]")).toBe(true);
  });

  it("rejects a bad op with a ValidationException and applies nothing of a failing patch", async () => {
    const e = await errorOf(() => patch([{ op: "wrong" as "add", path: "/description", value: "x" }]));
    expect(e.name).toBe("ValidationException");
    expect(e.message).toContain("updateStageInput.patchOperations.1.member.op");
    await errorOf(() =>
      patch([
        { op: "replace", path: "/description", value: "half" },
        { op: "replace", path: "/nope", value: "x" },
      ]),
    );
    const s = await t.v1.send(new GetStageCommand({ restApiId: api.apiId, stageName }));
    expect(s.description).toBeUndefined();
  });
});

describe("UpdateStage method settings", () => {
  const defaults = {
    metricsEnabled: false,
    dataTraceEnabled: false,
    throttlingBurstLimit: 5000,
    throttlingRateLimit: 10000,
    cachingEnabled: false,
    cacheTtlInSeconds: 300,
    cacheDataEncrypted: false,
    requireAuthorizationForCacheControl: true,
    unauthorizedCacheControlHeaderStrategy: "SUCCEED_WITH_RESPONSE_HEADER",
  };

  it("creates */* with AWS's defaults and applies every setting", async () => {
    const s = await patch([
      { op: "replace", path: "/*/*/throttling/rateLimit", value: "100" },
      { op: "replace", path: "/*/*/throttling/burstLimit", value: "50" },
      { op: "replace", path: "/*/*/metrics/enabled", value: "true" },
      { op: "replace", path: "/*/*/logging/loglevel", value: "INFO" },
      { op: "replace", path: "/*/*/logging/dataTrace", value: "true" },
      { op: "replace", path: "/*/*/caching/enabled", value: "true" },
      { op: "replace", path: "/*/*/caching/ttlInSeconds", value: "60" },
      { op: "replace", path: "/*/*/caching/dataEncrypted", value: "true" },
      { op: "replace", path: "/*/*/caching/requireAuthorizationForCacheControl", value: "false" },
      { op: "replace", path: "/*/*/caching/unauthorizedCacheControlHeaderStrategy", value: "FAIL_WITH_403" },
    ]);
    expect(s.methodSettings?.["*/*"]).toEqual({
      metricsEnabled: true,
      loggingLevel: "INFO",
      dataTraceEnabled: true,
      throttlingBurstLimit: 50,
      throttlingRateLimit: 100,
      cachingEnabled: true,
      cacheTtlInSeconds: 60,
      cacheDataEncrypted: true,
      requireAuthorizationForCacheControl: false,
      unauthorizedCacheControlHeaderStrategy: "FAIL_WITH_403",
    });
  });

  it("keys a per-method setting as given (~1 escaping) and seeds it from */*, without later propagation", async () => {
    await patch([{ op: "replace", path: "/*/*/throttling/rateLimit", value: "100" }]);
    let s = await patch([{ op: "replace", path: "/~1pets/GET/metrics/enabled", value: "true" }]);
    expect(s.methodSettings?.["~1pets/GET"]).toEqual({
      ...defaults,
      throttlingRateLimit: 100,
      metricsEnabled: true,
    });
    s = await patch([{ op: "replace", path: "/*/*/throttling/rateLimit", value: "7" }]);
    expect(s.methodSettings?.["~1pets/GET"]?.throttlingRateLimit).toBe(100);
    s = await patch([{ op: "replace", path: "/test/GET/throttling/burstLimit", value: "9" }]);
    expect(s.methodSettings?.["test/GET"]?.throttlingBurstLimit).toBe(9);
  });

  it("uses AWS's defaults for a per-method setting when */* does not exist", async () => {
    const s = await patch([{ op: "replace", path: "/~1pets/POST/caching/enabled", value: "true" }]);
    expect(s.methodSettings?.["~1pets/POST"]).toEqual({ ...defaults, cachingEnabled: true });
  });

  it("removes */* and refuses removing it when absent (trailing space in AWS's text)", async () => {
    await patch([{ op: "replace", path: "/*/*/metrics/enabled", value: "true" }]);
    const s = await patch([{ op: "remove", path: "/*/*" }]);
    expect(s.methodSettings).toEqual({});
    const e = await errorOf(() => patch([{ op: "remove", path: "/*/*" }]));
    expect(e.message).toBe(
      "Cannot remove method setting */* because there is no method setting for this method ",
    );
  });

  it("validates setting values", async () => {
    expect(
      (await errorOf(() => patch([{ op: "replace", path: "/*/*/caching/ttlInSeconds", value: "4000" }])))
        .name,
    ).toBe("BadRequestException");
    expect(
      (await errorOf(() => patch([{ op: "replace", path: "/*/*/metrics/enabled", value: "yes" }]))).name,
    ).toBe("BadRequestException");
    expect(
      (await errorOf(() => patch([{ op: "replace", path: "/*/*/logging/loglevel", value: "LOUD" }]))).name,
    ).toBe("BadRequestException");
  });
});
