// The developer portal against a real Local Gateway through the real SDK clients and the test database: the partner
// catalog (0 AWS calls a view, another plan's API invisible), the reference's document cached per deployment, Try it
// and its refusals (other host, header smuggling, method override, oversized body, slow upstream) with nothing
// logged that carries the pasted key, and the changelog after a new deployment. Calls are counted at the gateway.
import { createServer, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import {
  APIGatewayClient,
  CreateApiKeyCommand,
  CreateDeploymentCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  ImportRestApiCommand,
  PutRestApiCommand,
} from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PartnerActor } from "@/lib/auth/actor";
import type { Gateway } from "@tollgate/local-gateway";

const scope = { account: "444455556666", region: "eu-central-1" };
let gw: Gateway;
let upstream: Server;
let dataDir: string;
let sdk: APIGatewayClient;
let apiId: string;
let otherApiId: string;
let keyValue: string;
let planAId: string;
let upstreamBase: string;
let acme: PartnerActor;
let globex: PartnerActor;

const enc = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
function definition(upstreamUrl: string, extraPaths: Record<string, unknown> = {}) {
  const proxy = (p: string) => ({
    type: "http_proxy",
    httpMethod: "ANY",
    uri: `${upstreamUrl}${p}`,
  });
  return {
    openapi: "3.0.1",
    info: { title: `orders-${Math.random().toString(36).slice(2, 7)}`, description: "Orders of the shop" },
    paths: {
      "/items": {
        get: {
          operationId: "listItems",
          security: [{ key: [] }],
          responses: { "200": { description: "The items" } },
          "x-amazon-apigateway-integration": proxy("/items"),
        },
        post: {
          security: [{ key: [] }],
          requestBody: { content: { "application/json": { schema: { type: "object" } } } },
          responses: { "200": { description: "Echo" } },
          "x-amazon-apigateway-integration": proxy("/items"),
        },
      },
      "/slow": {
        get: { security: [{ key: [] }], "x-amazon-apigateway-integration": proxy("/slow") },
      },
      ...extraPaths,
    },
    components: { securitySchemes: { key: { type: "apiKey", name: "x-api-key", in: "header" } } },
  };
}

async function gatewayCalls(): Promise<Record<string, number>> {
  const body = (await (await fetch(`${gw.url}/_localgateway/calls`)).json()) as {
    calls: Record<string, number>;
  };
  await fetch(`${gw.url}/_localgateway/calls`, { method: "DELETE" });
  return body.calls;
}
const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

async function syncAll() {
  await (await import("@/lib/inventory/sync")).runInventorySync({ rps: Infinity, scope });
  return (await import("@/lib/portal/sync")).runPortalSync();
}

beforeAll(async () => {
  upstream = createServer((req, res) => {
    if (req.url?.startsWith("/slow")) {
      setTimeout(() => res.end("late"), 3_000).unref();
      return;
    }
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          ok: true,
          method: req.method,
          body,
          override: req.headers["x-http-method-override"] ?? null,
        }),
      );
    });
  });
  await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
  const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  upstreamBase = upstreamUrl;

  const { createGateway } = await import("@tollgate/local-gateway");
  dataDir = mkdtempSync(path.join(tmpdir(), "tollgate-portal-"));
  gw = await createGateway({ port: 0, dataDir, controlLimits: false });
  process.env.TOLLGATE_MODE = "local";
  process.env.AWS_ENDPOINT_URL = gw.url;
  process.env.AWS_ACCOUNT_ID = scope.account;
  process.env.AWS_REGION = scope.region;
  process.env.TRY_IT_TIMEOUT_MS = "400";
  sdk = new APIGatewayClient({
    region: scope.region,
    endpoint: gw.url,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
  const api = await sdk.send(new ImportRestApiCommand({ body: enc(definition(upstreamUrl)) }));
  const other = await sdk.send(new ImportRestApiCommand({ body: enc(definition(upstreamUrl)) }));
  apiId = api.id!;
  otherApiId = other.id!;
  for (const id of [apiId, otherApiId])
    await sdk.send(new CreateDeploymentCommand({ restApiId: id, stageName: "prod" }));
  const planA = await sdk.send(
    new CreateUsagePlanCommand({ name: `portal-a-${apiId}`, apiStages: [{ apiId, stage: "prod" }] }),
  );
  const planB = await sdk.send(
    new CreateUsagePlanCommand({
      name: `portal-b-${apiId}`,
      apiStages: [{ apiId: otherApiId, stage: "prod" }],
    }),
  );
  const key = await sdk.send(new CreateApiKeyCommand({ name: "portal-test", enabled: true }));
  keyValue = key.value!;
  planAId = planA.id!;
  await sdk.send(
    new CreateUsagePlanKeyCommand({ usagePlanId: planA.id!, keyId: key.id!, keyType: "API_KEY" }),
  );

  const { listAwsPlans } = await import("@/lib/aws/usage-plans");
  const { savePlanSnapshots, addSubscription } = await import("@/lib/db/subscriptions");
  const mine = (await listAwsPlans()).filter((p) => p.id === planA.id || p.id === planB.id);
  await savePlanSnapshots(mine, { complete: false });
  const { makeActor, makeTenant } = await import("./fixtures");
  const [ta, tb] = await Promise.all([makeTenant(), makeTenant()]);
  acme = await makeActor("partner", ta.id);
  globex = await makeActor("partner", tb.id);
  await addSubscription(ta.id, planA.id!, new Date());
  await addSubscription(tb.id, planB.id!, new Date());
  await (await import("@/lib/inventory/sync")).runInventorySync({ rps: Infinity, scope });
});

afterAll(async () => {
  sdk?.destroy();
  await gw?.close();
  await new Promise((r) => upstream?.close(r));
  rmSync(dataDir, { recursive: true, force: true });
});

describe("partner catalog", () => {
  it("lists the plan's stage with 0 AWS calls a view, and never another plan's", async () => {
    const { loadCatalog } = await import("@/lib/portal/loaders");
    await gatewayCalls();
    const before = await loadCatalog(acme);
    expect(total(await gatewayCalls())).toBe(0);
    expect(before.map((e) => e.apiId)).toEqual([apiId]);
    expect(before[0]).toMatchObject({ stage: "prod", description: "Orders of the shop", keyRequired: null });
    expect(before[0]!.baseUrl).toBe(`${gw.url}/restapis/${apiId}/prod/_user_request_`);
    expect(before[0]!.plans[0]!.quota).toMatch(/No quota/);

    // The portal sync fetches each deployment's document once; after it the catalog knows the key requirement.
    const first = await syncAll();
    expect(first.exported).toBeGreaterThanOrEqual(2);
    await gatewayCalls();
    const after = await loadCatalog(acme);
    expect(total(await gatewayCalls())).toBe(0);
    expect(after[0]).toMatchObject({ keyRequired: true, operationCount: 3 });
    expect((await loadCatalog(globex)).map((e) => e.apiId)).toEqual([otherApiId]);
  });

  it("answers another plan's stage exactly like one that does not exist", async () => {
    const { loadApiReference, loadApiChanges, loadApiDocumentFile } = await import("@/lib/portal/loaders");
    const { tryIt } = await import("@/lib/portal/try-it");
    const nope = async (p: Promise<unknown>) => (await p.then(() => null).catch((e: Error) => e))?.message;
    const missing = await nope(loadApiReference(globex, "nosuchapi", "prod"));
    expect(missing).toBe("API was not found.");
    expect(await nope(loadApiReference(globex, apiId, "prod"))).toBe(missing);
    expect(await nope(loadApiChanges(globex, apiId, "prod"))).toBe(missing);
    expect(await nope(loadApiDocumentFile(globex, apiId, "prod", "json"))).toBe(missing);
    expect(
      await nope(
        tryIt(globex, { apiId, stage: "prod", method: "GET", path: "/items", headers: {}, apiKey: keyValue }),
      ),
    ).toBe(missing);
  });

  it("serves the reference from the cached document: servers = invoke URL, no integrations, 0 AWS calls", async () => {
    const { loadApiReference, loadApiDocumentFile } = await import("@/lib/portal/loaders");
    await gatewayCalls();
    const ref = await loadApiReference(acme, apiId, "prod");
    const file = await loadApiDocumentFile(acme, apiId, "prod", "yaml");
    expect(total(await gatewayCalls())).toBe(0);
    expect(ref.doc.servers).toEqual([{ url: `${gw.url}/restapis/${apiId}/prod/_user_request_` }]);
    expect(JSON.stringify(ref.doc)).not.toContain("x-amazon-apigateway-integration");
    expect(ref.samples.operation).toBe("GET /items");
    expect(ref.samples.curl).toBe(
      `curl -H "x-api-key: $API_KEY" "${gw.url}/restapis/${apiId}/prod/_user_request_/items"`,
    );
    expect(file.type).toBe("application/yaml");
    expect(file.body).toContain("/items:");
    // The example works as written with a key of the plan.
    const res = await fetch(ref.samples.url, { headers: { "x-api-key": keyValue } });
    expect(res.status).toBe(200);
  });
});

describe("Try it", () => {
  const base = () => ({ apiId, stage: "prod", headers: {} as Record<string, string>, apiKey: keyValue });

  it("forwards to the tenant's stage with the pasted key and shows status, headers, body and latency", async () => {
    const { tryIt } = await import("@/lib/portal/try-it");
    const ok = await tryIt(acme, { ...base(), method: "GET", path: "/items?page=2" });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, method: "GET" });
    expect(ok.headers.some(([k]) => k === "content-type")).toBe(true);
    expect(ok.latencyMs).toBeGreaterThanOrEqual(0);
    const post = await tryIt(acme, {
      ...base(),
      method: "POST",
      path: "/items",
      body: '{"a":1}',
      headers: { "content-type": "application/json" },
    });
    expect(JSON.parse(post.body)).toMatchObject({ method: "POST", body: '{"a":1}' });
    const noKey = await tryIt(acme, { ...base(), apiKey: "", method: "GET", path: "/items" });
    expect(noKey.status).toBe(403);
  });

  it.each([
    ["another host (authority in the path)", { path: "//evil.example/items" }, "single /"],
    ["an absolute URL", { path: "http://evil.example/items" }, "single /"],
    ["a dot segment", { path: "/../../restapis/other/prod/_user_request_/items" }, "dot segments"],
    ["an encoded slash", { path: "/..%2f..%2fother" }, "encoded slashes"],
    ["a Host header", { headers: { Host: "evil.example" } }, "Host header"],
    ["a method override", { headers: { "X-HTTP-Method-Override": "DELETE" } }, "X-HTTP-Method-Override"],
    ["Transfer-Encoding smuggling", { headers: { "Transfer-Encoding": "chunked" } }, "Transfer-Encoding"],
    ["a forwarded-for header", { headers: { "X-Forwarded-For": "10.0.0.1" } }, "X-Forwarded-For"],
    ["CRLF in a header value", { headers: { "X-Note": "a\r\nX-Injected: 1" } }, "line breaks"],
    ["CRLF in a header name", { headers: { "X-A\r\nB": "1" } }, "not a valid header name"],
    ["a key as a header", { headers: { "x-api-key": "abc" } }, "API key field"],
    ["CRLF in the key", { apiKey: "abc\r\nX-Injected: 1" }, "no spaces, line breaks"],
    ["an oversized body", { method: "POST" as const, body: "x".repeat(64 * 1024 + 1) }, "larger than 64 KB"],
    ["a body on GET", { body: "{}" }, "cannot have a body"],
  ])("refuses %s with a clear message", async (_name, change, message) => {
    const { tryIt } = await import("@/lib/portal/try-it");
    await gatewayCalls();
    const err = await tryIt(acme, { ...base(), method: "GET", path: "/items", ...change }).catch(
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect((err as Error & { code?: string }).code).toBe("invalid");
    expect((err as Error).message).toContain(message);
  });

  it("gives up on a slow upstream with a timeout message", async () => {
    const { tryIt } = await import("@/lib/portal/try-it");
    const t0 = Date.now();
    const err = (await tryIt(acme, { ...base(), method: "GET", path: "/slow" }).catch(
      (e: Error) => e,
    )) as Error & {
      code?: string;
    };
    expect(err.code).toBe("unavailable");
    expect(err.message).toBe("The API did not answer within 0.4 s.");
    expect(Date.now() - t0).toBeLessThan(2_500);
  });

  it("logs nothing that carries the pasted key, whatever happens", async () => {
    const { log } = await import("@/lib/log");
    const { tryIt } = await import("@/lib/portal/try-it");
    const seen: string[] = [];
    const spies = (["fatal", "error", "warn", "info", "debug", "trace"] as const).map((level) =>
      vi.spyOn(log, level).mockImplementation(((...args: unknown[]) => {
        seen.push(
          JSON.stringify(args, (_k, v: unknown) => (v instanceof Error ? `${v.message} ${v.stack}` : v)),
        );
      }) as never),
    );
    try {
      await tryIt(acme, { ...base(), method: "GET", path: "/items" });
      await tryIt(acme, { ...base(), method: "GET", path: "/slow" }).catch(() => undefined);
      await tryIt(acme, { ...base(), method: "GET", path: "//x" }).catch(() => undefined);
      await tryIt(acme, { ...base(), apiId: otherApiId, method: "GET", path: "/items" }).catch(
        () => undefined,
      );
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
    expect(seen.join("\n")).not.toContain(keyValue);
  });
});

describe("operators' portal settings", () => {
  it("a hidden stage leaves the catalog (and answers not found); a guide shows in the catalog entry", async () => {
    const { loadCatalog, loadApiReference, loadPortalSettings } = await import("@/lib/portal/loaders");
    const { updatePortalSetting } = await import("@/lib/portal/commands");
    const { makeActor } = await import("./fixtures");
    const op = await makeActor("operator");
    await expect(
      updatePortalSetting(acme, { apiId, stage: "prod", description: "x", hidden: true }),
    ).rejects.toThrow();
    expect((await loadPortalSettings(op)).find((s) => s.apiId === apiId)).toMatchObject({
      hidden: false,
      description: null,
    });
    await updatePortalSetting(op, {
      apiId,
      stage: "prod",
      description: "# Start\nUse your key.",
      hidden: true,
    });
    expect(await loadCatalog(acme)).toEqual([]);
    await expect(loadApiReference(acme, apiId, "prod")).rejects.toThrow("API was not found.");
    await updatePortalSetting(op, {
      apiId,
      stage: "prod",
      description: "# Start\nUse your key.",
      hidden: false,
    });
    expect((await loadCatalog(acme))[0]?.guide).toBe("# Start\nUse your key.");
  });
});

describe("changelog", () => {
  it("publishes the operations a new deployment added", async () => {
    const { loadApiChanges } = await import("@/lib/portal/loaders");
    const extra = {
      openapi: "3.0.1",
      info: { title: "ignored" },
      paths: {
        "/refunds": {
          post: { security: [{ key: [] }], "x-amazon-apigateway-integration": { type: "mock" } },
        },
      },
      components: { securitySchemes: { key: { type: "apiKey", name: "x-api-key", in: "header" } } },
    };
    await sdk.send(new PutRestApiCommand({ restApiId: apiId, body: enc(extra) }));
    await sdk.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: "prod" }));
    expect((await syncAll()).changes).toBe(1);
    const { changes } = await loadApiChanges(acme, apiId, "prod");
    expect(changes).toHaveLength(1);
    expect(changes[0]!.breaking).toBe(false);
    expect(changes[0]!.changes).toEqual([
      { operation: "POST /refunds", kind: "added", breaking: false, details: [] },
    ]);
    // Nothing new: the next run changes nothing and makes no GetExport.
    await gatewayCalls();
    expect(await syncAll()).toEqual({ exported: 0, changes: 0, summaries: { derived: 0, read: 0 } });
    expect((await gatewayCalls()).GetExport ?? 0).toBe(0);
  });
});

describe("before a deploy or promotion", () => {
  it("names removed operations as breaking and the tenants that used the stage's plans, saying what cannot be known", async () => {
    const { loadDeploymentImpact } = await import("@/lib/portal/impact");
    const { GetStageCommand } = await import("@aws-sdk/client-api-gateway");
    const { db } = await import("@/lib/db/client");
    const { makeActor } = await import("./fixtures");
    const op = await makeActor("operator");
    const serving = (await sdk.send(new GetStageCommand({ restApiId: apiId, stageName: "prod" })))
      .deploymentId!;
    // The next version drops POST /refunds (overwrite with the original definition), deployed to another stage.
    await sdk.send(
      new PutRestApiCommand({ restApiId: apiId, mode: "overwrite", body: enc(definition(upstreamBase)) }),
    );
    const next = await sdk.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: "staging" }));
    await db.usageDaily.create({
      data: {
        apiKeyId: `k-${apiId}`,
        usagePlanId: planAId,
        tenantId: acme.tenantId,
        day: new Date().toISOString().slice(0, 10),
        requests: 3,
      },
    });
    await gatewayCalls();
    const input = {
      restApiId: apiId,
      stage: "prod",
      servingDeploymentId: serving,
      toDeploymentId: next.id!,
      currentMethods: null,
    };
    // The rollout wizard's reading (an operator action): the serving deployment's summary is stored (the portal
    // sync derived it from the stage's export), the new deployment's is read live once.
    const [impact] = await loadDeploymentImpact(op, input, { readMissing: "live" });
    expect(await gatewayCalls()).toEqual({ GetDeployment: 1 });
    expect(impact!.breaking).toBe(true);
    expect(impact!.changes).toEqual([
      {
        operation: "POST /refunds",
        kind: "removed",
        breaking: true,
        details: ["Breaking: operation removed"],
      },
    ]);
    expect(impact!.tenants).toEqual([acme.tenantName]);
    expect(impact!.who).toContain("not per operation");
    // Deployments never change: the second look costs no AWS call.
    await loadDeploymentImpact(op, input, { readMissing: "live" });
    expect(total(await gatewayCalls())).toBe(0);
    await expect(loadDeploymentImpact(acme, input)).rejects.toThrow();
  });

  it("derives a deployment's summary from its exported document exactly as GetDeployment's apisummary gives it", async () => {
    const { deploymentSummary, exportStageOas30 } = await import("@/lib/aws/exports");
    const { parseExport } = await import("@/lib/portal/catalog");
    const { apiSummaryOf } = await import("@/lib/portal/diff");
    const integration = { "x-amazon-apigateway-integration": { type: "mock" } };
    const mixed = await sdk.send(
      new ImportRestApiCommand({
        body: enc({
          openapi: "3.0.1",
          info: { title: `mixed-${Math.random().toString(36).slice(2, 7)}` },
          paths: {
            "/": { get: { ...integration } },
            "/pets": {
              "x-amazon-apigateway-any-method": { security: [{ k: [] }], ...integration },
              options: { ...integration },
            },
            "/pets/{id}": {
              get: { parameters: [{ name: "id", in: "path", required: true }], ...integration },
              delete: { security: [{ k: [] }], ...integration },
            },
          },
          components: { securitySchemes: { k: { type: "apiKey", name: "x-api-key", in: "header" } } },
        }),
      }),
    );
    const d = await sdk.send(new CreateDeploymentCommand({ restApiId: mixed.id!, stageName: "prod" }));
    const doc = parseExport(await exportStageOas30(mixed.id!, "prod"));
    expect(doc).not.toBeNull();
    const derived = apiSummaryOf(doc!);
    const fromAws = await deploymentSummary(mixed.id!, d.id!);
    expect(derived).toEqual(fromAws);
    // Not equal by being empty: both name every method, with and without a key.
    expect(fromAws).toEqual({
      "/": { GET: { apiKeyRequired: false } },
      "/pets": { ANY: { apiKeyRequired: true }, OPTIONS: { apiKeyRequired: false } },
      "/pets/{id}": { GET: { apiKeyRequired: false }, DELETE: { apiKeyRequired: true } },
    });
  });

  it("the stage page's impact card makes no AWS call; after one portal-sync run it has the comparison", async () => {
    const { countAwsCalls } = await import("@/lib/aws/accounting");
    const { loadRestStage } = await import("@/lib/apis/loaders");
    const { loadRollouts } = await import("@/lib/canary/loaders");
    const { loadStageChanges } = await import("@/lib/inventory/read");
    const { loadDeploymentImpact } = await import("@/lib/portal/impact");
    const { runPortalSync } = await import("@/lib/portal/sync");
    const { db } = await import("@/lib/db/client");
    const { makeActor } = await import("./fixtures");
    const op = await makeActor("operator");
    // A stage serving one deployment with a canary on a newer one that adds POST /refunds; neither summarised yet.
    const shop = await sdk.send(new ImportRestApiCommand({ body: enc(definition(upstreamBase)) }));
    const id = shop.id!;
    const served = await sdk.send(new CreateDeploymentCommand({ restApiId: id, stageName: "prod" }));
    await sdk.send(
      new PutRestApiCommand({
        restApiId: id,
        body: enc({
          openapi: "3.0.1",
          info: { title: "ignored" },
          paths: { "/refunds": { post: { "x-amazon-apigateway-integration": { type: "mock" } } } },
        }),
      }),
    );
    const canary = await sdk.send(
      new CreateDeploymentCommand({
        restApiId: id,
        stageName: "prod",
        canarySettings: { percentTraffic: 10 },
      }),
    );
    // Lists now (a sweep lists at most every 45 s), so the inventory knows the new API.
    await (await import("@/lib/inventory/sync")).runInventorySync({ rps: Infinity, scope, listEveryMs: 0 });
    expect(await db.portalDeploymentSummary.count({ where: { restApiId: id } })).toBe(0);

    // What the page loads (page.tsx): the stage, its rollouts, its changes and the impact card.
    const page = () =>
      countAwsCalls(async () => {
        const { api, stage, methods } = await loadRestStage(op, id, "prod");
        const [, , impact] = await Promise.all([
          loadRollouts(op, { restApiId: api.id, stageName: stage.stageName }),
          loadStageChanges(op, api.id, stage.stageName),
          loadDeploymentImpact(op, {
            restApiId: api.id,
            stage: stage.stageName,
            servingDeploymentId: stage.deploymentId,
            toDeploymentId: stage.canary?.deploymentId ?? null,
            currentMethods: methods.length > 0 ? methods : null,
          }),
        ]);
        return { stage, impact };
      });
    await gatewayCalls();
    const before = await page();
    expect(before.total).toBe(0);
    expect(total(await gatewayCalls())).toBe(0);
    expect(before.result.stage.deploymentId).toBe(served.id);
    expect(before.result.stage.canary?.deploymentId).toBe(canary.id);
    const [moving, current] = before.result.impact;
    expect(moving!.title).toContain(canary.id!);
    expect(moving!.changes).toEqual([]);
    expect(moving!.pending).toMatch(
      new RegExp(
        `once the background sync has read deployments ${served.id} and ${canary.id} — usually within about`,
      ),
    );
    expect(current!.pending).toContain(`read deployment ${served.id} `);

    // One run of the job: the serving deployment's summary from the stage's export, the canary's from GetDeployment.
    const run = await runPortalSync();
    expect(run.summaries.derived).toBeGreaterThanOrEqual(1);
    expect(run.summaries.read).toBeGreaterThanOrEqual(1);
    const calls = await gatewayCalls();
    expect(calls.GetDeployment).toBe(run.summaries.read);
    expect(await db.portalDeploymentSummary.count({ where: { restApiId: id } })).toBe(2);

    const after = await page();
    expect(after.total).toBe(0);
    expect(total(await gatewayCalls())).toBe(0);
    expect(after.result.impact[0]).toMatchObject({
      pending: null,
      breaking: false,
      changes: [{ operation: "POST /refunds", kind: "added", breaking: false, details: [] }],
    });
    expect(after.result.impact[1]).toMatchObject({ pending: null });
  });
});
