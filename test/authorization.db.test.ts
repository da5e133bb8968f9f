import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { TollgateAction } from "@/lib/auth/define-action";
import type { TollgateRoute } from "@/lib/auth/define-route";
import { PERMISSIONS, ROLES, type Role } from "@/lib/auth/permissions";
import { ACTIONS, ROUTES, type Fixture } from "./authorization-spec";
import { makeActor, makeTenant } from "./fixtures";
import { db } from "@/lib/db/client";
import { createApiToken } from "@/lib/tokens/commands";
import { scopesFor, type ApiScope } from "@/lib/auth/permissions-api";
import type { ApiRoute } from "@/lib/api/define-api-route";

const current = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({
  getActor: async () => current.actor,
  requireActor: async () => current.actor,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const root = path.resolve(import.meta.dirname, "..");
const actionFiles = readdirSync(path.join(root, "lib/actions"))
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .map((f) => f.replace(/\.ts$/, ""));
function routeDirs(dir: string, rel = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const r = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) return routeDirs(path.join(dir, d.name), r);
    return d.name === "route.ts" ? [rel] : [];
  });
}
const routeFiles = routeDirs(path.join(root, "app"));

async function loadAction(file: string): Promise<TollgateAction<unknown, unknown>> {
  const mod = (await import(`@/lib/actions/${file}`)) as Record<string, unknown>;
  const actions = Object.values(mod).filter(
    (v): v is TollgateAction<unknown, unknown> => typeof v === "function" && "meta" in v,
  );
  expect(actions, `${file} must export exactly one action built with defineAction`).toHaveLength(1);
  return actions[0]!;
}

let actors: Record<Role, Actor>;
let fixture: Fixture;
beforeAll(async () => {
  const tenant = await makeTenant();
  actors = {
    admin: await makeActor("admin"),
    operator: await makeActor("operator"),
    finance: await makeActor("finance"),
    partner: await makeActor("partner", tenant.id),
  };
  // A key record of the fixture tenant, so cross-tenant attempts name a real id (no AWS call is reached).
  const keyId = `spec${Math.random().toString(36).slice(2, 10)}`;
  await db.apiKeyRecord.create({
    data: { id: keyId, tenantId: tenant.id, label: "Spec", environment: "test" },
  });
  const { token } = await createApiToken(actors.partner, {
    name: "Spec token",
    scopes: ["keys.self"],
    tenantId: "",
    ipAllowList: [],
    ratePerMinute: 120,
  });
  const planRequest = await db.planRequest.create({
    data: {
      tenantId: tenant.id,
      requestedById: actors.partner.id,
      toPlanId: "spec-plan",
      message: "Spec",
      pendingKey: tenant.id,
    },
  });
  fixture = {
    tenantId: tenant.id,
    otherTenantPartner: await makeActor("partner"),
    keyId,
    tokenId: token.id,
    planRequestId: planRequest.id,
  };
});

describe("authorization spec is complete", () => {
  it("lists every server action file and nothing else", () => {
    expect(Object.keys(ACTIONS).sort()).toEqual([...actionFiles].sort());
  });
  it("lists every route handler and nothing else", () => {
    expect(Object.keys(ROUTES).sort()).toEqual([...routeFiles].sort());
  });
});

describe.each(actionFiles)("server action %s", (file) => {
  const entry = ACTIONS[file];
  it("declares the permission the spec expects", async () => {
    const action = await loadAction(file);
    if (!entry) throw new Error(`${file} is missing from test/authorization-spec.ts`);
    if (entry.allowed === "public") return expect(action.meta.permission).toBe("public");
    expect(action.meta.permission).not.toBe("public");
    const roles = PERMISSIONS[action.meta.permission as keyof typeof PERMISSIONS].roles;
    expect([...roles].sort()).toEqual([...entry.allowed].sort());
  });
  it("refuses callers without a session and every role it does not allow", async () => {
    if (!entry || entry.allowed === "public") return;
    const action = await loadAction(file);
    current.actor = null;
    expect(await action(entry.input(fixture))).toMatchObject({ ok: false, code: "unauthenticated" });
    for (const role of ROLES.filter((r) => !(entry.allowed as readonly Role[]).includes(r))) {
      current.actor = actors[role];
      expect(await action(entry.input(fixture)), `${file} as ${role}`).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    }
    // Control: an allowed role is not refused for authorization reasons, so the refusals above mean something.
    current.actor = actors[entry.allowed[0]!];
    const res = await action(entry.input(fixture));
    expect(res.ok || !["forbidden", "unauthenticated"].includes(res.code)).toBe(true);
  });
  it("refuses a partner of another tenant naming this tenant's records", async () => {
    if (!entry?.crossTenant) return;
    const action = await loadAction(file);
    current.actor = fixture.otherTenantPartner;
    const res = await action(entry.crossTenant(fixture));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(["forbidden", "not_found"]).toContain(res.code);
  });
});

describe.each(routeFiles)("route handler /%s", (dir) => {
  it("refuses callers without a session and every role it does not allow", async () => {
    const entry = ROUTES[dir];
    if (!entry) throw new Error(`${dir} is missing from test/authorization-spec.ts`);
    if (entry.allowed === "public") return;
    if (entry.allowed === "token") return checkTokenRoute(dir, entry.scopes);
    const { NextRequest } = await import("next/server");
    const mod = (await import(`@/app/${dir}/route`)) as Record<string, TollgateRoute<Record<string, string>>>;
    for (const method of entry.methods) {
      const handler = mod[method];
      expect(handler?.meta, `${method} /${dir} must be built with defineRoute`).toBeDefined();
      const call = () =>
        handler!(new NextRequest(`http://127.0.0.1/${dir}`, { method }), { params: Promise.resolve({}) });
      current.actor = null;
      expect((await call()).status).toBe(401);
      for (const role of ROLES.filter((r) => !(entry.allowed as readonly Role[]).includes(r))) {
        current.actor = actors[role];
        expect((await call()).status, `${method} /${dir} as ${role}`).toBe(403);
      }
    }
  });
});

/**
 * /api/v1 routes take no session: a Bearer token. Each declares the spec's scope; without a token it answers 401,
 * with a token of the same kind lacking the scope 403 — even for a signed-in admin's session.
 */
async function checkTokenRoute(
  dir: string,
  scopes: Partial<Record<"GET" | "POST", ApiScope | { staff: ApiScope; tenant: ApiScope }>>,
) {
  const { NextRequest } = await import("next/server");
  const mod = (await import(`@/app/${dir}/route`)) as Record<string, ApiRoute>;
  const exported = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => m in mod);
  expect(exported.sort()).toEqual(Object.keys(scopes).sort());
  for (const [method, scope] of Object.entries(scopes) as [
    "GET" | "POST",
    ApiScope | { staff: ApiScope; tenant: ApiScope },
  ][]) {
    const handler = mod[method]!;
    expect(handler.meta?.operation.scope, `${method} /${dir} scope`).toEqual(scope);
    const call = (token?: string) =>
      handler(
        new NextRequest(`http://127.0.0.1/${dir}`, {
          method,
          headers: token ? { authorization: `Bearer ${token}` } : {},
        }),
        { params: Promise.resolve({}) },
      );
    current.actor = actors.admin; // a session is not a token
    expect((await call()).status, `${method} /${dir} without a token`).toBe(401);
    for (const kind of ["staff", "tenant"] as const) {
      const needed = typeof scope === "string" ? scope : scope[kind];
      const others = scopesFor(kind).filter((s) => s !== needed);
      const { value } = await createApiToken(actors.admin, {
        name: `Spec ${kind}`,
        scopes: others,
        tenantId: kind === "tenant" ? fixture.tenantId : "",
        ipAllowList: [],
        ratePerMinute: 1000,
      });
      const res = await call(value);
      expect(res.status, `${method} /${dir} with a ${kind} token without ${needed}`).toBe(403);
      expect(((await res.json()) as { type: string }).type).toBe("urn:tollgate:problem:scope-missing");
    }
  }
}
