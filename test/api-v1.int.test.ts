// The automation API (/api/v1) through its route handlers, in-process, against a real Local Gateway and the test
// database: every operation of the OpenAPI document is called (the document validates, and a test fails when an
// operation is never exercised), tokens and scopes (401 expired/revoked/unknown, 403 scope/address, 429), safe
// retries, a tenant token confined to its tenant, and bad input answered with problem details — never a 500.
import { validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCanaryFixture, type CanaryFixture } from "./canary-fixture";

const fx: CanaryFixture = await startCanaryFixture();
const { NextRequest } = await import("next/server");
const { db } = await import("@/lib/db/client");
const { makeActor, makeTenant, uid } = await import("./fixtures");
const { insertUsage } = await import("./billing-fixtures");
const { createApiToken } = await import("@/lib/tokens/commands");
const { openApiDocument } = await import("@/lib/api/openapi");
const { API_OPERATIONS } = await import("@/lib/api/operations");
const { resetBuckets } = await import("@/lib/api/rate-limit");
const { addSubscription } = await import("@/lib/db/subscriptions");
const { createAwsPlan } = await import("@/lib/aws/usage-plans");
const { evaluateRollout } = await import("@/lib/canary/engine");
const { rolloutRow } = await import("@/lib/db/rollouts");
type ApiRoute = import("@/lib/api/define-api-route").ApiRoute;

const exercised = new Set<string>();

type Call = {
  token?: string | null;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Sent as-is (malformed JSON, oversized bodies). */
  raw?: string;
  headers?: Record<string, string>;
};

/** Calls one operation's route handler as Next would, and records that the operation was exercised. */
async function call(operationId: string, c: Call = {}) {
  const op = API_OPERATIONS.find((o) => o.operationId === operationId)!;
  const dir = op.path.slice(1).replace(/\{(\w+)\}/g, "[$1]");
  const mod = (await import(`@/app/${dir}/route`)) as Record<string, ApiRoute>;
  const params = c.params ?? {};
  const path = op.path.replace(/\{(\w+)\}/g, (_m, k: string) => encodeURIComponent(params[k] ?? ""));
  const qs = c.query ? `?${new URLSearchParams(c.query)}` : "";
  const headers: Record<string, string> = { ...c.headers };
  if (c.token !== null) headers.authorization = `Bearer ${c.token ?? staff}`;
  const body = c.raw ?? (c.body === undefined ? undefined : JSON.stringify(c.body));
  if (body !== undefined) headers["content-type"] ??= "application/json";
  const req = new NextRequest(`http://127.0.0.1${path}${qs}`, {
    method: op.method,
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const res = await mod[op.method]!(req, { params: Promise.resolve(params) });
  exercised.add(`${op.method} ${op.path}`);
  const text = await res.text();
  const json = (() => {
    try {
      return JSON.parse(text) as Record<string, unknown> & { errors?: Record<string, string[]> };
    } catch {
      return null;
    }
  })();
  return { status: res.status, json, text, headers: res.headers };
}

let staff = "";
let readOnly = "";
let tenantToken = "";
let otherTenantToken = "";
let tenant: { id: string; slug: string };
let otherTenant: { id: string; slug: string };
let api: { restApiId: string; apiName: string; baseDeploymentId: string };

beforeAll(async () => {
  const admin = await makeActor("admin");
  const mk = async (
    scopes: string[],
    extra: Partial<{
      tenantId: string;
      ipAllowList: string[];
      ratePerMinute: number;
      expiresInDays: number;
    }> = {},
  ) =>
    (
      await createApiToken(admin, {
        name: `Spec ${uid()}`,
        scopes,
        tenantId: extra.tenantId ?? "",
        ipAllowList: extra.ipAllowList ?? [],
        ratePerMinute: extra.ratePerMinute ?? 6000,
        ...(extra.expiresInDays ? { expiresInDays: extra.expiresInDays } : {}),
      })
    ).value;
  const t = await makeTenant();
  const o = await makeTenant();
  tenant = { id: t.id, slug: t.slug };
  otherTenant = { id: o.id, slug: o.slug };
  const plan = await createAwsPlan({
    name: `API plan ${uid()}`,
    rateLimit: 10,
    burstLimit: 20,
    quotaPeriod: "MONTH",
    apiStages: [],
  });
  await addSubscription(t.id, plan.id, new Date());
  await addSubscription(o.id, plan.id, new Date());
  staff = await mk(["ops.view", "gateway.manage", "finance.view", "invoices.read"]);
  readOnly = await mk(["ops.view"]);
  tenantToken = await mk(["keys.self", "partner.view", "invoices.read"], { tenantId: t.id });
  otherTenantToken = await mk(["keys.self", "partner.view", "invoices.read"], { tenantId: o.id });
  api = await fx.newApi();
});
afterAll(() => fx.close());

describe("OpenAPI document", () => {
  it("validates as OpenAPI 3.1 and lists exactly the operations the server has", async () => {
    const doc = openApiDocument("http://127.0.0.1:3000");
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, JSON.stringify(result.valid ? [] : result.errors)).toBe(true);
    const paths = doc.paths as Record<string, Record<string, unknown>>;
    const inDoc = Object.entries(paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(inDoc.sort()).toEqual(API_OPERATIONS.map((o) => `${o.method} ${o.path}`).sort());
    // Generated from the schemas the server parses with: a strict body refuses unknown fields in the document too.
    const start = paths["/api/v1/rollouts"]!.post as {
      requestBody: { content: Record<string, { schema: Record<string, unknown> }> };
    };
    expect(start.requestBody.content["application/json"]!.schema.additionalProperties).toBe(false);
  });
  it("is served publicly at /api/v1/openapi.json", async () => {
    const { GET } = await import("@/app/api/v1/openapi.json/route");
    const res = await GET(new NextRequest("http://127.0.0.1/api/v1/openapi.json"), {
      params: Promise.resolve({}),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { openapi: string }).openapi).toBe("3.1.0");
  });
});

describe("tokens", () => {
  it("401 without a token, with an unknown one, a revoked one and an expired one", async () => {
    expect((await call("listRollouts", { token: null })).status).toBe(401);
    const unknown = await call("listRollouts", { token: `tg_${"a".repeat(43)}` });
    expect(unknown).toMatchObject({ status: 401, json: { type: "urn:tollgate:problem:token-invalid" } });
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
    expect(unknown.headers.get("www-authenticate")).toMatch(/^Bearer/);

    const admin = await makeActor("admin");
    const revoked = await createApiToken(admin, {
      name: "Revoked",
      scopes: ["ops.view"],
      tenantId: "",
      ipAllowList: [],
      ratePerMinute: 100,
    });
    expect((await call("listRollouts", { token: revoked.value })).status).toBe(200);
    await db.apiToken.update({ where: { id: revoked.token.id }, data: { revokedAt: new Date() } });
    const refused = await call("listRollouts", { token: revoked.value });
    expect(refused).toMatchObject({ status: 401, json: { type: "urn:tollgate:problem:token-revoked" } });
    // The attempt is audited with the revoked token as the actor.
    expect(
      await db.auditEvent.findFirstOrThrow({ where: { requestId: refused.headers.get("x-request-id")! } }),
    ).toMatchObject({ actorId: `token:${revoked.token.id}`, outcome: "denied" });

    const expired = await createApiToken(admin, {
      name: "Expired",
      scopes: ["ops.view"],
      tenantId: "",
      ipAllowList: [],
      ratePerMinute: 100,
      expiresInDays: 1,
    });
    await db.apiToken.update({
      where: { id: expired.token.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await call("listRollouts", { token: expired.value })).toMatchObject({
      status: 401,
      json: { type: "urn:tollgate:problem:token-expired" },
    });
  });

  it("401 once the partner who made a tenant token is disabled or removed", async () => {
    const owner = await makeActor("partner", tenant.id);
    const made = await createApiToken(owner, {
      name: "Owner's",
      scopes: ["keys.self"],
      tenantId: "",
      ipAllowList: [],
      ratePerMinute: 100,
    });
    const list = () => call("listKeys", { token: made.value, params: { tenant: tenant.slug } });
    expect((await list()).status).toBe(200);
    await db.user.update({ where: { id: owner.id }, data: { disabledAt: new Date() } });
    expect(await list()).toMatchObject({ status: 401, json: { type: "urn:tollgate:problem:token-revoked" } });
    await db.user.delete({ where: { id: owner.id } });
    expect((await list()).status).toBe(401);
  });

  it("403 for a token without the operation's scope; the refusal is audited with the token as actor", async () => {
    const res = await call("startRollout", {
      token: readOnly,
      body: { api: api.restApiId, stage: "prod", deploy: {} },
    });
    expect(res).toMatchObject({ status: 403, json: { type: "urn:tollgate:problem:scope-missing" } });
    const ev = await db.auditEvent.findFirstOrThrow({
      where: { requestId: res.headers.get("x-request-id")! },
    });
    expect(ev).toMatchObject({ action: "rollout.create", outcome: "denied" });
    expect(ev.actorEmail).toMatch(/^token "Spec /);
    expect(await db.canaryRollout.count({ where: { restApiId: api.restApiId } })).toBe(0);
  });

  it("403 from an address outside the allow-list (the peer address, X-Forwarded-For ignored without trusted proxies)", async () => {
    const admin = await makeActor("admin");
    const { value } = await createApiToken(admin, {
      name: "Office",
      scopes: ["ops.view"],
      tenantId: "",
      ipAllowList: ["203.0.113.0/24"],
      ratePerMinute: 100,
    });
    const from = (peer: string, xff?: string) =>
      call("listRollouts", {
        token: value,
        headers: { "x-tollgate-peer": peer, ...(xff ? { "x-forwarded-for": xff } : {}) },
      });
    expect((await from("203.0.113.9")).status).toBe(200);
    expect(await from("198.51.100.1", "203.0.113.9")).toMatchObject({
      status: 403,
      json: { type: "urn:tollgate:problem:address-refused" },
    });
  });

  it("429 with Retry-After past the token's rate", async () => {
    resetBuckets();
    const admin = await makeActor("admin");
    const { value } = await createApiToken(admin, {
      name: "Slow",
      scopes: ["ops.view"],
      tenantId: "",
      ipAllowList: [],
      ratePerMinute: 5,
    });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await call("listRollouts", { token: value })).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    const limited = await call("listRollouts", { token: value });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });
});

describe("rollouts, deployments and stages", () => {
  it("starts a rollout once for a retried request with the same Idempotency-Key; a different body is refused", async () => {
    const key = `ci-${uid()}`;
    const body = {
      api: api.apiName,
      stage: "prod",
      deploy: { description: "release v2" },
      steps: [20, 50],
      holdSeconds: 0,
      evaluationSeconds: 5,
      gates: { minRequests: 20 },
      overrides: { version: "v2" },
    };
    const first = await call("startRollout", { body, headers: { "idempotency-key": key } });
    expect(first.status, first.text).toBe(201);
    const again = await call("startRollout", { body, headers: { "idempotency-key": key } });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json?.id).toBe(first.json?.id);
    expect(await db.canaryRollout.count({ where: { restApiId: api.restApiId } })).toBe(1);
    expect(
      await call("startRollout", { body: { ...body, steps: [10] }, headers: { "idempotency-key": key } }),
    ).toMatchObject({
      status: 422,
      json: { type: "urn:tollgate:problem:idempotency-mismatch" },
    });
    // Without the key, a second start is the console's own conflict, in its own words.
    expect(await call("startRollout", { body })).toMatchObject({
      status: 409,
      json: { detail: "This stage already has a rollout in progress: finish, abort or promote it first." },
    });

    const id = String(first.json!.id);
    const listed = await call("listRollouts", { query: { api: api.restApiId, active: "true" } });
    expect((listed.json as unknown as { id: string }[]).map((r) => r.id)).toEqual([id]);
    expect(await call("controlRollout", { params: { id, command: "pause" } })).toMatchObject({
      status: 200,
      json: { status: "paused" },
    });
    expect(await call("controlRollout", { params: { id, command: "resume" } })).toMatchObject({
      status: 200,
      json: { status: "running" },
    });
    await fx.traffic(api.restApiId, 200);
    await evaluateRollout(await rolloutRow(id));
    const detail = await call("getRollout", { params: { id } });
    expect(detail.status).toBe(200);
    const decisions = detail.json!.decisions as {
      action: string;
      metrics: { canary: { requests: number } } | null;
    }[];
    expect(decisions[0]).toMatchObject({
      action: "advance",
      metrics: { canary: { requests: expect.any(Number) } },
    });
    expect(await call("controlRollout", { params: { id, command: "promote" } })).toMatchObject({
      status: 200,
      json: { status: "promoted" },
    });
    expect((await fx.stage(api.restApiId)).deploymentId).toBe(first.json!.canaryDeploymentId);
  });

  it("lists and creates deployments, reads a stage with its canary", async () => {
    const list = await call("listDeployments", { params: { api: api.restApiId } });
    expect(list.status).toBe(200);
    const before = (list.json as unknown as unknown[]).length;
    const made = await call("createDeployment", {
      params: { api: api.apiName },
      body: { stage: "prod", description: "from the API" },
    });
    expect(made.status, made.text).toBe(201);
    expect((await fx.stage(api.restApiId)).deploymentId).toBe(made.json!.id);
    expect(
      ((await call("listDeployments", { params: { api: api.restApiId } })).json as unknown as unknown[])
        .length,
    ).toBe(before + 1);
    const stage = await call("getStage", { params: { api: api.restApiId, stage: "prod" } });
    expect(stage).toMatchObject({
      status: 200,
      json: { stageName: "prod", deploymentId: made.json!.id, canary: null },
    });
    expect((await call("getStage", { params: { api: api.restApiId, stage: "nope" } })).status).toBe(404);
    expect((await call("listDeployments", { params: { api: "no-such-api" } })).status).toBe(404);
  });

  it("aborting rolls the canary back", async () => {
    const other = await fx.newApi();
    const r = await call("startRollout", {
      body: { api: other.restApiId, stage: "prod", deploy: {}, steps: [10], holdSeconds: 0 },
    });
    expect(r.status, r.text).toBe(201);
    const out = await call("controlRollout", { params: { id: String(r.json!.id), command: "abort" } });
    expect(out).toMatchObject({ status: 200, json: { status: "rolled_back", currentPercent: 0 } });
    expect(
      await call("controlRollout", { params: { id: String(r.json!.id), command: "approve" } }),
    ).toMatchObject({ status: 409 });
  });
});

describe("tenant keys, usage and invoices", () => {
  it("creates (value once), lists, rotates and revokes the tenant's keys; a replay never returns the value", async () => {
    const key = `k-${uid()}`;
    const made = await call("createKey", {
      token: tenantToken,
      params: { tenant: tenant.slug },
      body: { label: "Signup", environment: "test" },
      headers: { "idempotency-key": key },
    });
    expect(made.status, made.text).toBe(201);
    expect(String(made.json!.value)).toMatch(/\S{20,}/);
    const replay = await call("createKey", {
      token: tenantToken,
      params: { tenant: tenant.slug },
      body: { label: "Signup", environment: "test" },
      headers: { "idempotency-key": key },
    });
    expect(replay.json).toMatchObject({ id: made.json!.id, value: null });
    const stored = await db.apiIdempotency.findMany({});
    expect(JSON.stringify(stored)).not.toContain(String(made.json!.value));
    const list = await call("listKeys", { token: tenantToken, params: { tenant: tenant.id } });
    expect((list.json as unknown as { id: string }[]).map((k) => k.id)).toContain(made.json!.id);
    expect(list.text).not.toContain(String(made.json!.value));
    const rotated = await call("rotateKey", {
      token: tenantToken,
      params: { tenant: tenant.slug, keyId: String(made.json!.id) },
      body: { grace: "1h" },
    });
    expect(rotated).toMatchObject({ status: 201, json: { oldKeyId: made.json!.id } });
    const revoked = await call("revokeKey", {
      token: tenantToken,
      params: { tenant: tenant.slug, keyId: String(rotated.json!.id) },
    });
    expect(revoked).toMatchObject({ status: 200, json: { id: rotated.json!.id } });
    expect(
      (await db.apiKeyRecord.findUniqueOrThrow({ where: { id: String(rotated.json!.id) } })).status,
    ).toBe("DISABLED");

    // Another tenant's token: the same "not found" whether the tenant exists or not, and nothing changes.
    const foreign = await call("revokeKey", {
      token: otherTenantToken,
      params: { tenant: tenant.slug, keyId: String(made.json!.id) },
    });
    const missing = await call("revokeKey", {
      token: otherTenantToken,
      params: { tenant: "no-such-tenant", keyId: String(made.json!.id) },
    });
    expect(foreign.status).toBe(404);
    expect(foreign.json?.detail).toBe(missing.json?.detail);
    const ownPath = await call("revokeKey", {
      token: otherTenantToken,
      params: { tenant: otherTenant.slug, keyId: String(made.json!.id) },
    });
    expect(ownPath.status).toBe(404);
    expect((await db.apiKeyRecord.findUniqueOrThrow({ where: { id: String(made.json!.id) } })).status).toBe(
      "ACTIVE",
    );
    expect(
      (await call("listKeys", { token: otherTenantToken, params: { tenant: tenant.slug } })).status,
    ).toBe(404);
    expect(
      (
        await call("createKey", {
          token: otherTenantToken,
          params: { tenant: tenant.slug },
          body: { label: "Evil", environment: "test" },
        })
      ).status,
    ).toBe(404);
    // A staff token has no tenant-key scope at all.
    expect((await call("listKeys", { params: { tenant: tenant.slug } })).status).toBe(403);
  });

  it("usage per day as JSON and CSV, for the tenant's own token and for staff; never another tenant's", async () => {
    await insertUsage(tenant.id, ["2026-11-01", "2026-11-02"], 7, { apiKeyId: `usage-${uid()}` });
    const own = await call("getUsage", {
      token: tenantToken,
      params: { tenant: tenant.slug },
      query: { from: "2026-11-01", to: "2026-11-30" },
    });
    expect(own).toMatchObject({
      status: 200,
      json: {
        days: [
          { day: "2026-11-01", requests: 7 },
          { day: "2026-11-02", requests: 7 },
        ],
      },
    });
    const csv = await call("getUsage", {
      params: { tenant: tenant.slug },
      query: { from: "2026-11-01", to: "2026-11-30", format: "csv" },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.text.split(/\r?\n/)[0]).toBe("tenant,day,api_key_id,requests");
    expect(csv.text).toContain(`${tenant.slug},2026-11-02,`);
    expect(
      (
        await call("getUsage", {
          token: otherTenantToken,
          params: { tenant: tenant.slug },
          query: { from: "2026-11-01", to: "2026-11-30" },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call("getUsage", {
          token: readOnly,
          params: { tenant: tenant.slug },
          query: { from: "2026-11-01", to: "2026-11-30" },
        })
      ).status,
    ).toBe(403);
    expect(
      await call("getUsage", {
        params: { tenant: tenant.slug },
        query: { from: "2026-11-30", to: "2026-11-01" },
      }),
    ).toMatchObject({ status: 400 });
  });

  it("lists, reads and downloads invoices; a tenant token sees only its own finalized ones", async () => {
    const inv = await db.invoice.create({
      data: {
        tenantId: tenant.id,
        month: "2026-10",
        status: "FINALIZED",
        number: `INV-API-${uid()}`,
        currency: "USD",
        requests: 14n,
        totalMinor: 1234n,
        finalizedAt: new Date(),
      },
    });
    const listed = await call("listInvoices", { token: tenantToken });
    expect((listed.json!.rows as { id: string }[]).map((r) => r.id)).toEqual([inv.id]);
    expect(await call("getInvoice", { token: tenantToken, params: { id: inv.id } })).toMatchObject({
      status: 200,
      json: { totalMinor: "1234" },
    });
    const csv = await call("getInvoiceCsv", { params: { id: inv.id } });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain("Total");
    expect((await call("getInvoice", { token: otherTenantToken, params: { id: inv.id } })).status).toBe(404);
    expect((await call("getInvoiceCsv", { token: otherTenantToken, params: { id: inv.id } })).status).toBe(
      404,
    );
    expect((await call("listInvoices", { token: otherTenantToken })).json!.rows).toEqual([]);
  });
});

describe("bad input gets problem details with a 4xx, never a 500, and changes nothing", () => {
  const start = (c: Call) => call("startRollout", c);
  const cases: [string, Call, number, string?][] = [
    ["malformed JSON", { raw: '{"api": "x", ' }, 400, "malformed-json"],
    [
      "not JSON",
      { raw: "api=x", headers: { "content-type": "application/x-www-form-urlencoded" } },
      415,
      "unsupported-media-type",
    ],
    ["a JSON array", { body: [1, 2] }, 400, "invalid"],
    ["wrong types", { body: { api: 12, stage: true, deploy: {} } }, 400, "invalid"],
    ["null as a number", { body: { api: "x", stage: "prod", deploy: {}, steps: [null] } }, 400, "invalid"],
    ["unknown field", { body: { api: "x", stage: "prod", deploy: {}, stages: "prod" } }, 400, "invalid"],
    [
      "unknown nested field",
      { body: { api: "x", stage: "prod", deploy: {}, gates: { maxP50Ms: 1 } } },
      400,
      "invalid",
    ],
    [
      "both deployment and deploy",
      { body: { api: "x", stage: "prod", deploy: {}, deploymentId: "abc" } },
      400,
      "invalid",
    ],
    [
      "steps not increasing",
      { body: { api: "x", stage: "prod", deploy: {}, steps: [50, 10] } },
      400,
      "invalid",
    ],
    [
      "oversized body",
      { raw: JSON.stringify({ api: "x", stage: "prod", deploy: { description: "x".repeat(70_000) } }) },
      413,
      "payload-too-large",
    ],
    ["control characters", { body: { api: "x\u0000", stage: "prod", deploy: {} } }, 400, "invalid"],
    [
      "bad idempotency key",
      { body: { api: "x", stage: "prod", deploy: {} }, headers: { "idempotency-key": "é".repeat(3) } },
      400,
      "invalid",
    ],
  ];
  it.each(cases)("%s", async (_name, c, status, type) => {
    // Rollouts started by API tokens (only this file starts any): other files write rollouts at the same time.
    const viaTokens = () => db.canaryRollout.count({ where: { createdById: { startsWith: "token:" } } });
    const before = await viaTokens();
    const res = await start(c);
    expect(res.status, res.text).toBe(status);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    if (type) expect(res.json?.type).toBe(`urn:tollgate:problem:${type}`);
    expect(res.json?.detail).toEqual(expect.any(String));
    expect(await viaTokens()).toBe(before);
  });
  it("names the unknown and the wrong fields", async () => {
    const res = await start({
      body: { api: "x", stage: "prod", deploy: {}, stages: "prod", evaluationSeconds: "soon" },
    });
    expect(res.json?.errors).toMatchObject({
      stages: ["Unknown field: remove it."],
      evaluationSeconds: [expect.stringMatching(/number/)],
    });
  });
  it("bad ids, bad query values and unknown query parameters", async () => {
    for (const r of [
      await call("getRollout", { params: { id: "../etc/passwd" } }),
      await call("getRollout", { params: { id: "x".repeat(200) } }),
      await call("controlRollout", { params: { id: "abc", command: "explode" } }),
      await call("getStage", { params: { api: api.restApiId, stage: "pr od" } }),
      await call("getUsage", {
        params: { tenant: tenant.slug },
        query: { from: "2026-02-30", to: "2026-03-01" },
      }),
      await call("listRollouts", { query: { active: "yes" } }),
      await call("listRollouts", { query: { sort: "id" } }),
      await call("listInvoices", { query: { page: "0x10" } }),
    ]) {
      expect(r.status, r.text).toBe(400);
      expect(r.headers.get("content-type")).toBe("application/problem+json");
    }
    expect((await call("getRollout", { params: { id: "unknown-rollout" } })).status).toBe(404);
    expect((await call("getInvoice", { params: { id: "unknown-invoice" } })).status).toBe(404);
    expect(
      (await call("revokeKey", { token: tenantToken, params: { tenant: tenant.slug, keyId: "missingkey" } }))
        .status,
    ).toBe(404);
    expect(
      (
        await call("createKey", {
          token: tenantToken,
          params: { tenant: tenant.slug },
          body: { label: "x", environment: "prod" },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call("rotateKey", {
          token: tenantToken,
          params: { tenant: tenant.slug, keyId: "missingkey" },
          body: { grace: 3 },
        })
      ).status,
    ).toBe(400);
  });
});

describe("coverage", () => {
  it("every operation of the OpenAPI document was exercised by this file", () => {
    const all = API_OPERATIONS.map((o) => `${o.method} ${o.path}`);
    expect(all.filter((o) => !exercised.has(o))).toEqual([]);
  });
});
