// Plan requests against a real Local Gateway and database: a partner asks, an operator approves (the tenant's key
// moves to the new plan in API Gateway and then works on the new plan's stage), declines need a reason, one open
// request per tenant, two operators cannot both carry one out, and partners see only their own tenant's.
import { CreateDeploymentCommand, ImportRestApiCommand } from "@aws-sdk/client-api-gateway";
import { afterAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "@/lib/local-gateway/test-helpers";

const tg: TestGateway = await startTestGateway();
process.env.AWS_ENDPOINT_URL = tg.gw.url;
process.env.TOLLGATE_MODE = "local";
const { makeActor, makeTenant, uid } = await import("@/test/fixtures");
const plans = await import("@/lib/services/plans");
const keys = await import("@/lib/services/keys");
const requests = await import("@/lib/portal/plan-requests");
const dbRequests = await import("@/lib/db/plan-requests");
const { db } = await import("@/lib/db/client");

afterAll(() => tg.stop());

async function mockApi(title: string): Promise<string> {
  const doc = {
    openapi: "3.0.1",
    info: { title, version: "1" },
    paths: {
      "/ping": {
        get: {
          security: [{ api_key: [] }],
          "x-amazon-apigateway-integration": {
            type: "mock",
            requestTemplates: { "application/json": '{"statusCode": 200}' },
            responses: {
              default: { statusCode: "200", responseTemplates: { "application/json": '{"pong":true}' } },
            },
          },
        },
      },
    },
    components: { securitySchemes: { api_key: { type: "apiKey", name: "x-api-key", in: "header" } } },
  };
  const api = await tg.v1.send(
    new ImportRestApiCommand({ body: new TextEncoder().encode(JSON.stringify(doc)) }),
  );
  await tg.v1.send(new CreateDeploymentCommand({ restApiId: api.id!, stageName: "prod" }));
  return api.id!;
}

const operator = await makeActor("operator");
const planFor = (name: string, apiId: string) =>
  plans.createPlan(operator, {
    name,
    rateLimit: 10,
    burstLimit: 20,
    quotaPeriod: "DAY",
    quotaLimit: 1000,
    apiStages: [{ apiId, stage: "prod" }],
  });
const basicApi = await mockApi(`Basic ${uid()}`);
const proApi = await mockApi(`Pro ${uid()}`);
const basic = await planFor(`Basic ${uid()}`, basicApi);
const pro = await planFor(`Pro ${uid()}`, proApi);
const call = (apiId: string, key: string) =>
  fetch(`${tg.gw.url}/restapis/${apiId}/prod/_user_request_/ping`, { headers: { "x-api-key": key } }).then(
    (r) => r.status,
  );

describe("plan requests", () => {
  it("approval moves the tenant's key: it then works on the new plan's stage, not the old one", async () => {
    const tenant = await makeTenant();
    await plans.subscribe(operator, tenant.id, basic.id);
    const partner = await makeActor("partner", tenant.id);
    const key = await keys.createKey(partner, { label: "k", environment: "test" });
    expect(await call(basicApi, key.value)).toBe(200);
    expect(await call(proApi, key.value)).toBe(403);

    const req = await requests.askForPlan(partner, {
      fromPlanId: basic.id,
      toPlanId: pro.id,
      message: "more traffic",
    });
    await expect(
      requests.askForPlan(partner, { fromPlanId: basic.id, toPlanId: pro.id, message: "again" }),
    ).rejects.toMatchObject({ code: "conflict" });
    const operators = await db.outboxMail.count({ where: { subject: `Plan request from ${tenant.name}` } });
    expect(operators).toBeGreaterThan(0);

    // Two operators at once: exactly one carries it out.
    const other = await makeActor("operator");
    const results = await Promise.allSettled([
      requests.decidePlanRequest(operator, { requestId: req.id, decision: "approve", reason: "" }),
      requests.decidePlanRequest(other, { requestId: req.id, decision: "approve", reason: "" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await call(proApi, key.value)).toBe(200);
    expect(await call(basicApi, key.value)).toBe(403);
    const mine = await dbRequests.listMyPlanRequests(partner);
    expect(mine[0]).toMatchObject({ status: "approved", decidedByEmail: expect.any(String) });
    expect(
      await db.outboxMail.count({
        where: { to: partner.email, subject: { startsWith: "Your plan request was approved" } },
      }),
    ).toBe(1);
  });

  it("declining needs a reason, sends it, and lets the tenant ask again", async () => {
    const tenant = await makeTenant();
    const partner = await makeActor("partner", tenant.id);
    const req = await requests.askForPlan(partner, { fromPlanId: null, toPlanId: pro.id, message: "" });
    await expect(
      requests.decidePlanRequest(operator, { requestId: req.id, decision: "decline", reason: " " }),
    ).rejects.toMatchObject({ code: "invalid" });
    await requests.decidePlanRequest(operator, {
      requestId: req.id,
      decision: "decline",
      reason: "Pro needs a contract",
    });
    expect((await dbRequests.listMyPlanRequests(partner))[0]).toMatchObject({
      status: "declined",
      reason: "Pro needs a contract",
    });
    await expect(
      requests.decidePlanRequest(operator, { requestId: req.id, decision: "approve", reason: "" }),
    ).rejects.toMatchObject({ code: "conflict" });
    await requests.askForPlan(partner, { fromPlanId: null, toPlanId: pro.id, message: "signed it" });
  });

  it("refuses a plan that does not exist, one the tenant is on, and a plan to leave that is not the tenant's", async () => {
    const tenant = await makeTenant();
    await plans.subscribe(operator, tenant.id, basic.id);
    const partner = await makeActor("partner", tenant.id);
    await expect(
      requests.askForPlan(partner, { fromPlanId: null, toPlanId: "nope", message: "" }),
    ).rejects.toMatchObject({ code: "invalid" });
    await expect(
      requests.askForPlan(partner, { fromPlanId: null, toPlanId: basic.id, message: "" }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      requests.askForPlan(partner, { fromPlanId: pro.id, toPlanId: pro.id, message: "" }),
    ).rejects.toMatchObject({ code: "conflict" });
    const stranger = await makeActor("partner", (await makeTenant()).id);
    expect(await dbRequests.listMyPlanRequests(stranger)).toEqual([]);
    await expect(
      requests.askForPlan(operator, { fromPlanId: null, toPlanId: pro.id, message: "" }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
