// The gateway inventory against a real Local Gateway through the real SDK clients and the test database: the sync
// creates, updates and removes rows as the gateway changes; a change made straight to the gateway (not through
// Tollgate) is recorded as "outside" with its difference in words; Tollgate's own writes are not; the operator
// pages' loaders make no AWS call once the inventory is synced. Calls are counted at the gateway itself.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  APIGatewayClient,
  CreateRestApiCommand,
  DeleteStageCommand,
  UpdateStageCommand,
} from "@aws-sdk/client-api-gateway";
import { ApiGatewayV2Client, CreateRouteCommand, DeleteRouteCommand } from "@aws-sdk/client-apigatewayv2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "@/lib/auth/actor";
import type { Gateway } from "@tollgate/local-gateway";
import type { SeedResult } from "@tollgate/local-gateway/demo";

const operator: StaffActor = {
  kind: "staff",
  id: "op",
  email: "op@test.example",
  name: "Op",
  role: "operator",
  tenantId: null,
};
let gw: Gateway;
let seeded: SeedResult;
let dataDir: string;
let outside: APIGatewayClient;
let outsideV2: ApiGatewayV2Client;
let itemsRouteId: string;
// A scope of its own, so this file's rows never meet another test file's in the shared database.
const scope = { account: "111122223333", region: "eu-west-1" };

async function gatewayCalls(reset = true): Promise<Record<string, number>> {
  const body = (await (await fetch(`${gw.url}/_localgateway/calls`)).json()) as {
    calls: Record<string, number>;
  };
  if (reset) await fetch(`${gw.url}/_localgateway/calls`, { method: "DELETE" });
  return body.calls;
}
const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

// Lists and re-reads the round-robin detail on every sweep (the job spreads those thinner: `quickSync`).
const sync = async () =>
  (await import("@/lib/inventory/sync")).runInventorySync({
    rps: Infinity,
    scope,
    listEveryMs: 0,
    extrasEveryMs: 0,
  });
const quickSync = async () =>
  (await import("@/lib/inventory/sync")).runInventorySync({ rps: Infinity, scope });
const changes = async (apiId: string, stage: string) =>
  (await import("@/lib/db/gateway-changes")).stageChanges(operator, scope, apiId, stage);

beforeAll(async () => {
  const { createGateway } = await import("@tollgate/local-gateway");
  const { seedDemo } = await import("@tollgate/local-gateway/demo");
  dataDir = mkdtempSync(path.join(tmpdir(), "tollgate-inventory-"));
  gw = await createGateway({ port: 0, dataDir, controlLimits: false });
  process.env.TOLLGATE_MODE = "local";
  process.env.AWS_ENDPOINT_URL = gw.url;
  process.env.AWS_ACCOUNT_ID = scope.account;
  process.env.AWS_REGION = scope.region;
  seeded = await seedDemo({ endpoint: gw.url, upstreamUrl: "http://127.0.0.1:9" });
  outside = new APIGatewayClient({
    region: scope.region,
    endpoint: gw.url,
    credentials: { accessKeyId: "outside", secretAccessKey: "outside" },
  });
  outsideV2 = new ApiGatewayV2Client({
    region: scope.region,
    endpoint: gw.url,
    credentials: { accessKeyId: "outside", secretAccessKey: "outside" },
  });
  const items = await outsideV2.send(
    new CreateRouteCommand({
      ApiId: seeded.httpApiId,
      RouteKey: "GET /items",
      Target: "integrations/abc1234",
    }),
  );
  itemsRouteId = items.RouteId!;
});

afterAll(async () => {
  outside?.destroy();
  outsideV2?.destroy();
  await gw?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The HTTP API's route keys as the inventory lists them (sorted): the demo seed's own routes plus `extra`. */
const DEMO_HTTP_ROUTES = ["GET /notifications/{id}", "POST /notifications"];
const keys = (...extra: string[]) => [...DEMO_HTTP_ROUTES, ...extra].sort();

describe("inventory sync", () => {
  it("imports the estate on the first sweep without reporting it as changes", async () => {
    await gatewayCalls();
    const r = await sync();
    const calls = await gatewayCalls();
    expect(r.awsCalls).toBe(sum(calls));
    expect(r.changes).toBe(0);
    const { invApis, invRestApi } = await import("@/lib/db/inventory");
    const apis = await invApis(operator, scope);
    expect(apis.rest.map((a) => a.name).sort()).toEqual(["payments", "weather"]);
    expect(apis.v2.length).toBe(2);
    const payments = await invRestApi(operator, scope, seeded.restApis.payments);
    expect(payments?.stages.find((s) => s.stageName === "prod")?.canary?.percentTraffic).toBe(10);
    expect(payments?.deployments?.length).toBeGreaterThanOrEqual(2);
    expect(payments?.methods).toContainEqual({ resourcePath: "/payments", httpMethod: "GET" });
    // Detail calls were made for every REST API once: GetDeployments + GetResources; GetRoutes for every v2 API.
    expect(calls.GetDeployments).toBe(2);
    expect(calls.GetResources).toBe(2);
    expect(calls.GetRoutes).toBe(2);
    const { invV2Api } = await import("@/lib/db/inventory");
    const http = await invV2Api(operator, scope, seeded.httpApiId);
    expect(http?.routes?.map((r) => r.routeKey)).toEqual(keys("GET /items"));
    expect(http?.routes).toContainEqual({
      id: itemsRouteId,
      routeKey: "GET /items",
      target: "integrations/abc1234",
      apiKeyRequired: false,
      authorizationType: "NONE",
    });
    const ws = await invV2Api(operator, scope, seeded.webSocketApiId);
    expect(ws?.routes?.map((r) => [r.routeKey, r.apiKeyRequired])).toEqual([
      ["$connect", true],
      ["$disconnect", false],
      ["sendMessage", false],
    ]);
  });

  it("makes only list calls, one GetStages per API and one API's detail when nothing changed", async () => {
    const r = await sync();
    const calls = await gatewayCalls();
    expect(r.changes).toBe(0);
    // Detail only for the one REST API whose detail is oldest (the round-robin re-read), routes for one v2 API.
    expect(calls.GetDeployments ?? 0).toBe(1);
    expect(calls.GetResources ?? 0).toBe(1);
    expect(calls.GetRoutes ?? 0).toBe(1);
    expect(calls.GetStages).toBe(4); // 2 REST + 2 v2 APIs
    expect(calls.GetRestApis).toBe(1);
    expect(calls.GetApis).toBe(1);
    expect(calls.GetUsagePlans).toBe(1);
  });

  it("between list calls, a sweep is one GetStages per known API and still finds an outside change", async () => {
    await sync(); // lists now: the next sweep within LIST_EVERY_MS does not
    await gatewayCalls();
    const quiet = await quickSync();
    expect(quiet).toMatchObject({ listed: false, changes: 0, apis: 4 });
    expect(await gatewayCalls()).toEqual({ GetStages: 4 });
    await outside.send(
      new UpdateStageCommand({
        restApiId: seeded.restApis.weather,
        stageName: "prod",
        patchOperations: [{ op: "replace", path: "/variables/quick", value: "yes" }],
      }),
    );
    const found = await quickSync();
    expect(found).toMatchObject({ listed: false, changes: 1 });
    const [latest] = await changes(seeded.restApis.weather, "prod");
    expect(latest).toMatchObject({ source: "outside" });
    expect(latest?.summary).toEqual(["stage variable `quick` added: yes"]);
  });

  it("records a route added or removed outside Tollgate as an outside change in words", async () => {
    const { db } = await import("@/lib/db/client");
    const { invV2Api } = await import("@/lib/db/inventory");
    const oldest = () =>
      db.invV2Api.update({
        where: { account_region_id: { ...scope, id: seeded.httpApiId } },
        data: { detailAt: new Date("2000-01-01") },
      });
    const routeChanges = async () =>
      db.gatewayChange.findMany({
        where: { ...scope, apiId: seeded.httpApiId, objectType: "v2-api" },
        orderBy: { createdAt: "desc" },
      });
    // A sweep between detail re-reads does not read routes: the new route is not seen yet.
    await sync(); // lists now, so the next sweep is a quick one
    await outsideV2.send(
      new CreateRouteCommand({
        ApiId: seeded.httpApiId,
        RouteKey: "POST /orders",
        Target: "integrations/ord1",
      }),
    );
    await gatewayCalls();
    const routeEventsBefore = (await routeChanges()).length;
    // (The stage auto-deploys the route change, as on AWS: that is a stage change GetStages does see.)
    await quickSync();
    expect((await gatewayCalls()).GetRoutes ?? 0).toBe(0);
    expect(await routeChanges()).toHaveLength(routeEventsBefore);
    // Its turn in the round-robin detail re-read (its routes are the oldest) finds it.
    await oldest();
    const found = await sync();
    expect(found.changes).toBeGreaterThanOrEqual(1);
    const [added] = await routeChanges();
    expect(added).toMatchObject({ source: "outside", kind: "updated", objectName: "notifications" });
    expect(added?.summary).toEqual(["route POST /orders added"]);
    expect((await invV2Api(operator, scope, seeded.httpApiId))?.routes?.map((r) => r.routeKey)).toEqual(
      keys("GET /items", "POST /orders"),
    );
    await outsideV2.send(new DeleteRouteCommand({ ApiId: seeded.httpApiId, RouteId: itemsRouteId }));
    await oldest();
    await sync();
    const [removed] = await routeChanges();
    expect(removed?.summary).toEqual(["route GET /items removed"]);
    const { listAuditEvents } = await import("@/lib/db/audit");
    const admin = { ...operator, role: "admin" as const };
    const audit = await listAuditEvents(admin, { action: "gateway.outside-change", page: 1, pageSize: 5 });
    expect(audit.events.map((e) => e.summary).join("\n")).toContain("route GET /items removed");
  });

  it("checks the API checked longest ago first", async () => {
    const { db } = await import("@/lib/db/client");
    const key = (id: string) => ({ account_region_id: { ...scope, id } });
    await db.invV2Api.update({ where: key(seeded.httpApiId), data: { syncedAt: new Date("2001-01-01") } });
    await db.invRestApi.update({
      where: key(seeded.restApis.weather),
      data: { syncedAt: new Date("2000-01-01") },
    });
    const before = Date.now();
    await (await import("@/lib/inventory/sync")).runInventorySync({ rps: 20, scope });
    const rest = await db.invRestApi.findMany({ where: scope, select: { id: true, syncedAt: true } });
    const v2 = await db.invV2Api.findMany({ where: scope, select: { id: true, syncedAt: true } });
    const order = [...rest, ...v2]
      .filter((a) => a.syncedAt.getTime() >= before)
      .sort((a, b) => a.syncedAt.getTime() - b.syncedAt.getTime())
      .map((a) => a.id);
    expect(order).toHaveLength(4);
    expect(order.slice(0, 2)).toEqual([seeded.restApis.weather, seeded.httpApiId]);
  });

  it("pages read the inventory while its first sweep is under way, and live otherwise", async () => {
    const { inventoryReadable, inventoryReady, freshness } = await import("@/lib/inventory/read");
    const { setInvSyncState } = await import("@/lib/db/gateway-changes");
    const { tryAcquireLease, releaseLease } = await import("@/lib/db/leases");
    const fresh = { account: "444455556666", region: "eu-west-1" };
    expect(await inventoryReadable(fresh)).toBe(false);
    await setInvSyncState(fresh, { sweepStartedAt: new Date() });
    // A sweep that started and is no longer held (its replica died) does not count.
    expect(await inventoryReadable(fresh)).toBe(false);
    expect(await tryAcquireLease("inventory-sync", "test-holder", 60_000)).toBe(true);
    try {
      expect(await inventoryReadable(fresh)).toBe(true);
      expect(await inventoryReady(fresh)).toBe(false);
      await setInvSyncState(fresh, { lastSweepAt: new Date() });
      expect(await inventoryReady(fresh)).toBe(true);
    } finally {
      await releaseLease("inventory-sync", "test-holder");
    }
    expect(await inventoryReadable(fresh)).toBe(true);
    // The scope under test (synced): lists are not "warming".
    expect(await freshness(operator, { kind: "all" })).toMatchObject({ live: false, warming: false });
  });

  it("records a change made outside Tollgate with its difference in words, and an audit entry", async () => {
    await outside.send(
      new UpdateStageCommand({
        restApiId: seeded.restApis.payments,
        stageName: "prod",
        patchOperations: [
          { op: "replace", path: "/*/*/throttling/rateLimit", value: "50" },
          { op: "replace", path: "/variables/version", value: "v9" },
          { op: "replace", path: "/canarySettings/percentTraffic", value: "0" },
        ],
      }),
    );
    const r = await sync();
    expect(r.changes).toBe(1);
    const [latest] = await changes(seeded.restApis.payments, "prod");
    expect(latest?.source).toBe("outside");
    expect(latest?.summary).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^throttling rate (\d+|none) → 50 req\/s on prod, default route$/),
        expect.stringMatching(/^stage variable `version` .+ → v9$|^stage variable `version` added: v9$/),
        "canary 10 % → 0 %",
      ]),
    );
    expect(latest?.windowStart).not.toBeNull();
    const { listAuditEvents } = await import("@/lib/db/audit");
    const admin = { ...operator, role: "admin" as const };
    const audit = await listAuditEvents(admin, { action: "gateway.outside-change", page: 1, pageSize: 5 });
    expect(audit.events[0]?.actorEmail).toBe("outside Tollgate");
    expect(audit.events[0]?.summary).toContain("canary 10 % → 0 %");
  });

  it("does not report a change made through Tollgate as outside", async () => {
    const { getRestStage } = await import("@/lib/aws/stages");
    const { stageVersion } = await import("@/lib/stages/version");
    const { applyStageChange } = await import("@/lib/stages/commands");
    const stage = await getRestStage(seeded.restApis.payments, "prod");
    await applyStageChange(operator, {
      restApiId: seeded.restApis.payments,
      stageName: "prod",
      version: stageVersion(stage),
      change: { kind: "variables", set: { color: "green" }, remove: [] },
    });
    const [mine] = await changes(seeded.restApis.payments, "prod");
    expect(mine).toMatchObject({ source: "tollgate", actorEmail: operator.email });
    expect(mine?.summary).toEqual(["stage variable `color` added: green"]);
    // The inventory has the result at once…
    const { invRestApi } = await import("@/lib/db/inventory");
    const api = await invRestApi(operator, scope, seeded.restApis.payments);
    expect(api?.stages.find((s) => s.stageName === "prod")?.variables.color).toBe("green");
    // …and the next sweep finds nothing unexplained.
    await gatewayCalls();
    const r = await sync();
    expect(r.changes).toBe(0);
    expect((await changes(seeded.restApis.payments, "prod"))[0]?.id).toBe(mine?.id);
  });

  it("adds new APIs and removes deleted stages", async () => {
    const created = await outside.send(new CreateRestApiCommand({ name: "orders" }));
    await outside.send(new DeleteStageCommand({ restApiId: seeded.restApis.weather, stageName: "prod" }));
    await sync();
    const { invApis } = await import("@/lib/db/inventory");
    const apis = await invApis(operator, scope);
    expect(apis.rest.map((a) => a.id)).toContain(created.id);
    const weather = apis.rest.find((a) => a.id === seeded.restApis.weather)!;
    expect(weather.stages.map((s) => s.stageName)).not.toContain("prod");
    const [gone] = await changes(seeded.restApis.weather, "prod");
    expect(gone).toMatchObject({ source: "outside", kind: "deleted" });
  });

  it("serves every operator page loader from the inventory with no AWS call", async () => {
    const { countAwsCalls } = await import("@/lib/aws/accounting");
    const g = await import("@/lib/apis/loaders");
    const { invLoadPlansPage } = await import("@/lib/inventory/read");
    await gatewayCalls();
    const { result, total } = await countAwsCalls(async () => {
      const list = await g.loadApiList(operator);
      const api = await g.loadRestApi(operator, seeded.restApis.payments);
      const stage = await g.loadRestStage(operator, seeded.restApis.payments, "prod");
      const http = await g.loadHttpApi(operator, seeded.httpApiId);
      const httpStage = await g.loadHttpStage(operator, seeded.httpApiId, "prod");
      const plans = await invLoadPlansPage(operator);
      return { list, api, stage, http, httpStage, plans };
    });
    expect(total).toBe(0);
    expect(sum(await gatewayCalls())).toBe(0);
    expect(result.list.map((a) => a.name)).toContain("payments");
    expect(result.api.deployments.some((d) => d.usedBy.includes("prod"))).toBe(true);
    expect(result.stage.stage.variables.color).toBe("green");
    expect(result.stage.methods).toContainEqual({ resourcePath: "/payments", httpMethod: "GET" });
    expect(result.httpStage.stage?.stageName).toBe("prod");
    expect(result.http.routes?.map((r) => r.routeKey)).toEqual(keys("POST /orders"));
    expect(result.plans.plans.length).toBe(Object.keys(seeded.usagePlans).length);
    expect(result.plans.keyCounts.every((n) => typeof n === "number")).toBe(true);
  });

  it("shows drift from the inventory: a plan without stages and a subscription to a deleted plan", async () => {
    const { CreateUsagePlanCommand, DeleteUsagePlanCommand } = await import("@aws-sdk/client-api-gateway");
    const { makeTenant } = await import("@/test/fixtures");
    const { addSubscription } = await import("@/lib/db/subscriptions");
    const bare = await outside.send(new CreateUsagePlanCommand({ name: "bare plan" }));
    const doomed = await outside.send(new CreateUsagePlanCommand({ name: "doomed plan" }));
    const tenant = await makeTenant();
    await addSubscription(tenant.id, doomed.id!, new Date());
    await outside.send(new DeleteUsagePlanCommand({ usagePlanId: doomed.id! }));
    await sync();
    const { loadDrift } = await import("@/lib/inventory/drift");
    const drift = await loadDrift(operator);
    expect(drift.plansWithoutStages.map((p) => p.plan.name)).toContain("bare plan");
    expect(drift.subscriptionsToGonePlans.map((s) => s.usagePlanId)).toContain(doomed.id);
    expect(bare.id).toBeTruthy();
  });
});
