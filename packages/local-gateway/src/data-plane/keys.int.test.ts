import {
  CreateApiKeyCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  GetUsageCommand,
  UpdateApiKeyCommand,
  UpdateRestApiCommand,
} from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../test-helpers";
import { createApi, deploy, invokeUrl, keyInPlan } from "./test-api";

let t: TestGateway;
let apiId: string;
let otherApiId: string;
const url = (path: string, stage = "prod", api = apiId) => invokeUrl(t.gw.url, api, stage, path);

beforeAll(async () => {
  t = await startTestGateway();
  apiId = await createApi(t.v1, "keys-api", [
    { path: "/pets", method: "GET", apiKeyRequired: true, mock: { body: '{"pets":[]}' } },
    { path: "/pets/{petId}", method: "GET", apiKeyRequired: true, mock: { body: '{"pet":1}' } },
    { path: "/open", method: "GET", mock: { body: '{"open":true}' } },
  ]);
  await deploy(t.v1, apiId, "prod");
  await deploy(t.v1, apiId, "dev");
  otherApiId = await createApi(t.v1, "other-api", [
    { path: "/x", method: "GET", apiKeyRequired: true, mock: { body: "{}" } },
  ]);
  await deploy(t.v1, otherApiId, "prod");
});
afterAll(() => t.stop());

async function expectGatewayError(r: Response, status: number, message: string, type: string): Promise<void> {
  expect(r.status).toBe(status);
  expect(r.headers.get("x-amzn-errortype")).toBe(type);
  expect(r.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
  expect(r.headers.get("x-amz-apigw-id")).toBeTruthy();
  expect(await r.json()).toEqual({ message });
}

describe("API keys on the data plane", () => {
  it("serves a request with a valid key and answers without one with 403 Forbidden", async () => {
    const { value } = await keyInPlan(t.v1, [{ apiId, stage: "prod" }]);
    const ok = await fetch(url("/pets"), { headers: { "x-api-key": value } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ pets: [] });
    expect(ok.headers.get("x-amzn-requestid")).toBeTruthy();
    expect(ok.headers.get("x-amz-apigw-id")).toBeTruthy();
    await expectGatewayError(await fetch(url("/pets")), 403, "Forbidden", "ForbiddenException");
    await expectGatewayError(
      await fetch(url("/pets"), { headers: { "x-api-key": "no-such-key-value-000000" } }),
      403,
      "Forbidden",
      "ForbiddenException",
    );
  });

  it("reads the key header in any case", async () => {
    const { value } = await keyInPlan(t.v1, [{ apiId, stage: "prod" }]);
    expect((await fetch(url("/pets/7"), { headers: { "X-API-KEY": value } })).status).toBe(200);
    expect((await fetch(url("/pets/7"), { headers: { "X-Api-Key": value } })).status).toBe(200);
  });

  it("refuses a disabled key", async () => {
    const { value, keyId } = await keyInPlan(t.v1, [{ apiId, stage: "prod" }]);
    expect((await fetch(url("/pets"), { headers: { "x-api-key": value } })).status).toBe(200);
    await t.v1.send(
      new UpdateApiKeyCommand({
        apiKey: keyId,
        patchOperations: [{ op: "replace", path: "/enabled", value: "false" }],
      }),
    );
    await expectGatewayError(
      await fetch(url("/pets"), { headers: { "x-api-key": value } }),
      403,
      "Forbidden",
      "ForbiddenException",
    );
  });

  it("refuses a key whose plan is bound to another stage or API, or that is in no plan", async () => {
    const dev = await keyInPlan(t.v1, [{ apiId, stage: "dev" }]);
    const other = await keyInPlan(t.v1, [{ apiId: otherApiId, stage: "prod" }]);
    const loose = await t.v1.send(
      new CreateApiKeyCommand({ name: "loose", enabled: true, value: "loose-key-value-1234567890" }),
    );
    for (const value of [dev.value, other.value, loose.value as string]) {
      const r = await fetch(url("/pets"), { headers: { "x-api-key": value } });
      await expectGatewayError(r, 403, "Forbidden", "ForbiddenException");
    }
    expect((await fetch(url("/pets", "dev"), { headers: { "x-api-key": dev.value } })).status).toBe(200);
    expect(
      (await fetch(url("/x", "prod", otherApiId), { headers: { "x-api-key": other.value } })).status,
    ).toBe(200);
  });

  it("lets methods without apiKeyRequired through without a key", async () => {
    const r = await fetch(url("/open"));
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ open: true });
  });
});

describe("unknown routes", () => {
  it.each([
    ["an unknown path", () => url("/nothing/here"), "GET"],
    ["an unknown method", () => url("/pets"), "DELETE"],
    ["an unknown stage", () => url("/pets", "staging"), "GET"],
    ["an unknown API", () => url("/pets", "prod", "nosuchapi"), "GET"],
  ])("answers %s with 403 Missing Authentication Token", async (_name, target, method) => {
    await expectGatewayError(
      await fetch(target(), { method }),
      403,
      "Missing Authentication Token",
      "MissingAuthenticationTokenException",
    );
  });
});

describe("disableExecuteApiEndpoint", () => {
  it("answers 403 Forbidden for every call once the default endpoint is disabled", async () => {
    const id = await createApi(t.v1, "disabled-api", [{ path: "/a", method: "GET", mock: { body: "{}" } }]);
    await deploy(t.v1, id, "prod");
    expect((await fetch(url("/a", "prod", id))).status).toBe(200);
    await t.v1.send(
      new UpdateRestApiCommand({
        restApiId: id,
        patchOperations: [{ op: "replace", path: "/disableExecuteApiEndpoint", value: "true" }],
      }),
    );
    await expectGatewayError(await fetch(url("/a", "prod", id)), 403, "Forbidden", "ForbiddenException");
  });
});

describe("usage", () => {
  it("GetUsage counts exactly the requests that passed the key check", async () => {
    const key = await t.v1.send(
      new CreateApiKeyCommand({ name: "usage-key", enabled: true, value: "usage-key-value-1234567890" }),
    );
    const plan = await t.v1.send(
      new CreateUsagePlanCommand({
        name: "usage-plan",
        apiStages: [{ apiId, stage: "prod" }],
        quota: { limit: 1000, offset: 0, period: "DAY" },
      }),
    );
    await t.v1.send(
      new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: "API_KEY" }),
    );
    for (let i = 0; i < 7; i++) {
      expect(
        (await fetch(url("/pets"), { headers: { "x-api-key": "usage-key-value-1234567890" } })).status,
      ).toBe(200);
    }
    for (let i = 0; i < 3; i++) expect((await fetch(url("/pets"))).status).toBe(403);
    // Unknown routes never reach the key check.
    await fetch(url("/nothing"), { headers: { "x-api-key": "usage-key-value-1234567890" } });
    const today = new Date(t.clock.now()).toISOString().slice(0, 10);
    const usage = await t.v1.send(
      new GetUsageCommand({ usagePlanId: plan.id, keyId: key.id, startDate: today, endDate: today }),
    );
    expect(usage.items).toEqual({ [key.id as string]: [[7, 993]] });
  });
});
