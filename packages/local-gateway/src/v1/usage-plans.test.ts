import {
  CreateApiKeyCommand,
  CreateStageCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  DeleteUsagePlanCommand,
  DeleteUsagePlanKeyCommand,
  GetUsagePlanCommand,
  GetUsagePlanKeyCommand,
  GetUsagePlanKeysCommand,
  GetUsagePlansCommand,
  UpdateUsagePlanCommand,
  type PatchOperation,
} from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, startTestGateway, type TestGateway } from "../test-helpers";
import { deployedApi, type DeployedApi } from "./test-fixtures";

let t: TestGateway;
let api: DeployedApi;
beforeAll(async () => {
  t = await startTestGateway();
  api = await deployedApi(t.v1, "prod");
  await t.v1.send(
    new CreateStageCommand({ restApiId: api.apiId, stageName: "dev", deploymentId: api.deploymentId }),
  );
});
afterAll(() => t.stop());

const update = (usagePlanId: string, ops: PatchOperation[]) =>
  t.v1.send(new UpdateUsagePlanCommand({ usagePlanId, patchOperations: ops }));

describe("usage plans", () => {
  it("creates a plan with stages, throttle and quota, rendered like AWS", async () => {
    const p = await t.v1.send(
      new CreateUsagePlanCommand({
        name: "Gold",
        apiStages: [
          { apiId: api.apiId, stage: "prod", throttle: { "/pets/GET": { burstLimit: 5, rateLimit: 2 } } },
        ],
        throttle: { burstLimit: 1, rateLimit: 2 },
        quota: { limit: 10, offset: 0, period: "DAY" },
      }),
    );
    expect(p.$metadata.httpStatusCode).toBe(201);
    const raw = (await (await t.raw(`/usageplans/${p.id}`)).json()) as Record<string, unknown>;
    expect(raw).toMatchObject({
      name: "Gold",
      quota: { limit: 10, offset: 0, period: "DAY" },
      throttle: { burstLimit: 1, rateLimit: 2 },
      tags: {},
      apiStages: [
        { apiId: api.apiId, stage: "prod", throttle: { "/pets/GET": { burstLimit: 5, rateLimit: 2 } } },
      ],
    });
    const list = (await (await t.raw("/usageplans")).json()) as { item: Record<string, unknown>[] };
    expect(list.item.find((i) => i.id === p.id)).not.toHaveProperty("tags");
  });

  it("applies throttle, quota, name/description/productCode paths and removes them", async () => {
    const p = await t.v1.send(new CreateUsagePlanCommand({ name: "Silver" }));
    let u = await update(p.id!, [
      { op: "replace", path: "/name", value: "Silver 2" },
      { op: "replace", path: "/description", value: "d" },
      { op: "replace", path: "/productCode", value: "pc" },
      { op: "add", path: "/throttle/rateLimit", value: "5.5" },
      { op: "replace", path: "/throttle/burstLimit", value: "10" },
      { op: "add", path: "/quota/limit", value: "1000" },
      { op: "replace", path: "/quota/period", value: "WEEK" },
      { op: "replace", path: "/quota/offset", value: "2" },
    ]);
    expect(u).toMatchObject({
      name: "Silver 2",
      description: "d",
      productCode: "pc",
      throttle: { rateLimit: 5.5, burstLimit: 10 },
      quota: { limit: 1000, period: "WEEK", offset: 2 },
    });
    u = await update(p.id!, [
      { op: "remove", path: "/throttle" },
      { op: "remove", path: "/quota" },
      { op: "remove", path: "/productCode" },
    ]);
    expect(u.throttle).toBeUndefined();
    expect(u.quota).toBeUndefined();
    expect(u.productCode).toBeUndefined();
    const badPeriod = await errorOf(() =>
      update(p.id!, [{ op: "replace", path: "/quota/period", value: "YEAR" }]),
    );
    expect(badPeriod.name).toBe("BadRequestException");
  });

  it("adds and removes API stages, with the 400/404 texts", async () => {
    const p = await t.v1.send(new CreateUsagePlanCommand({ name: "Bronze" }));
    let u = await update(p.id!, [{ op: "add", path: "/apiStages", value: `${api.apiId}:dev` }]);
    expect(u.apiStages).toEqual([{ apiId: api.apiId, stage: "dev" }]);
    const missing = await errorOf(() =>
      update(p.id!, [{ op: "add", path: "/apiStages", value: `${api.apiId}:nope` }]),
    );
    expect(missing.name).toBe("NotFoundException");
    expect(missing.message).toBe(
      `Invalid API Stage {api: ${api.apiId}, stage: nope} specified for usageplan ${p.id}`,
    );
    const noValue = await errorOf(() => update(p.id!, [{ op: "remove", path: "/apiStages" }]));
    expect(noValue.message).toBe("Invalid API Stage specified");
    u = await update(p.id!, [{ op: "remove", path: "/apiStages", value: `${api.apiId}:dev` }]);
    expect(u.apiStages).toEqual([]);
  });

  it("sets per-method throttles, including the root //GET form, and removes them", async () => {
    const p = await t.v1.send(
      new CreateUsagePlanCommand({ name: "Methods", apiStages: [{ apiId: api.apiId, stage: "prod" }] }),
    );
    const base = `/apiStages/${api.apiId}:prod/throttle`;
    let u = await update(p.id!, [
      { op: "replace", path: `${base}//pets/GET/rateLimit`, value: "3" },
      { op: "replace", path: `${base}//pets/GET/burstLimit`, value: "4" },
      { op: "replace", path: `${base}///GET/rateLimit`, value: "1" },
    ]);
    expect(u.apiStages?.[0]?.throttle).toEqual({
      "/pets/GET": { rateLimit: 3, burstLimit: 4 },
      "//GET": { rateLimit: 1 },
    });
    u = await update(p.id!, [{ op: "remove", path: `${base}//pets/GET` }]);
    expect(u.apiStages?.[0]?.throttle).toEqual({ "//GET": { rateLimit: 1 } });
    u = await update(p.id!, [
      { op: "replace", path: base, value: JSON.stringify({ "/pets/POST": { burstLimit: 2, rateLimit: 1 } }) },
    ]);
    expect(u.apiStages?.[0]?.throttle).toEqual({ "/pets/POST": { burstLimit: 2, rateLimit: 1 } });
    u = await update(p.id!, [{ op: "remove", path: base }]);
    expect(u.apiStages?.[0]?.throttle).toBeUndefined();
  });

  it("answers a bad remove path with AWS's list, an unknown plan with 404", async () => {
    const p = await t.v1.send(new CreateUsagePlanCommand({ name: "Errs" }));
    const e = await errorOf(() => update(p.id!, [{ op: "remove", path: "/name" }]));
    expect(e.message).toBe(
      "Invalid patch path  '/name' specified for op 'remove'. Must be one of: [/apiStages, /quota, /throttle, /productCode, /apiStages/<apidId:stageName>/throttle/<resourcePath>/<httpMethod>, /apiStages/<apidId:stageName>/throttle]",
    );
    const nf = await errorOf(() => t.v1.send(new GetUsagePlanCommand({ usagePlanId: "nope" })));
    expect(nf.message).toBe("Invalid Usage Plan ID specified");
  });

  it("refuses deleting a plan with stages attached, with AWS's message", async () => {
    const p = await t.v1.send(
      new CreateUsagePlanCommand({ name: "Attached", apiStages: [{ apiId: api.apiId, stage: "prod" }] }),
    );
    const e = await errorOf(() => t.v1.send(new DeleteUsagePlanCommand({ usagePlanId: p.id })));
    expect(e.name).toBe("BadRequestException");
    expect(e.message).toBe(
      `Cannot delete Usage Plan ${p.id} because there are API Stages associated with it, including ${api.apiId}:prod`,
    );
    await update(p.id!, [{ op: "remove", path: "/apiStages", value: `${api.apiId}:prod` }]);
    const ok = await t.v1.send(new DeleteUsagePlanCommand({ usagePlanId: p.id }));
    expect(ok.$metadata.httpStatusCode).toBe(202);
  });
});

describe("usage plan keys", () => {
  it("adds, lists, reads and removes a key; filters plans by keyId", async () => {
    const p = await t.v1.send(
      new CreateUsagePlanCommand({ name: "Keys", apiStages: [{ apiId: api.apiId, stage: "dev" }] }),
    );
    const k = await t.v1.send(new CreateApiKeyCommand({ name: "pk-1", enabled: true }));
    const pk = await t.v1.send(
      new CreateUsagePlanKeyCommand({ usagePlanId: p.id, keyId: k.id, keyType: "API_KEY" }),
    );
    expect(pk).toMatchObject({ id: k.id, type: "API_KEY", value: k.value, name: "pk-1" });
    expect(
      (await t.v1.send(new GetUsagePlanKeysCommand({ usagePlanId: p.id }))).items?.map((i) => i.id),
    ).toEqual([k.id]);
    expect((await t.v1.send(new GetUsagePlanKeyCommand({ usagePlanId: p.id, keyId: k.id }))).value).toBe(
      k.value,
    );
    expect((await t.v1.send(new GetUsagePlansCommand({ keyId: k.id }))).items?.map((i) => i.id)).toEqual([
      p.id,
    ]);
    await t.v1.send(new DeleteUsagePlanKeyCommand({ usagePlanId: p.id, keyId: k.id }));
    expect((await t.v1.send(new GetUsagePlanKeysCommand({ usagePlanId: p.id }))).items).toEqual([]);
  });

  it("refuses a key joining a second plan on the same API stage (409)", async () => {
    const a = await t.v1.send(
      new CreateUsagePlanCommand({ name: "A", apiStages: [{ apiId: api.apiId, stage: "prod" }] }),
    );
    const b = await t.v1.send(
      new CreateUsagePlanCommand({ name: "B", apiStages: [{ apiId: api.apiId, stage: "prod" }] }),
    );
    const k = await t.v1.send(new CreateApiKeyCommand({ name: "pk-2" }));
    await t.v1.send(new CreateUsagePlanKeyCommand({ usagePlanId: a.id, keyId: k.id, keyType: "API_KEY" }));
    const e = await errorOf(() =>
      t.v1.send(new CreateUsagePlanKeyCommand({ usagePlanId: b.id, keyId: k.id, keyType: "API_KEY" })),
    );
    expect(e.name).toBe("ConflictException");
    expect(e.message).toBe(
      `Usage Plan ${b.id} cannot be added because API Key ${k.id} cannot reference multiple Usage Plans with the same API Stage: ${api.apiId}:prod`,
    );
    const unknownKey = await errorOf(() =>
      t.v1.send(new CreateUsagePlanKeyCommand({ usagePlanId: a.id, keyId: "nope", keyType: "API_KEY" })),
    );
    expect(unknownKey.$metadata?.httpStatusCode).toBe(404);
  });
});
