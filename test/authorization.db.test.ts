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
    member: await makeActor("member", tenant.id),
  };
  // A key record of the fixture tenant, so cross-tenant attempts name a real id (no AWS call is reached).
  const keyId = `spec${Math.random().toString(36).slice(2, 10)}`;
  await db.apiKeyRecord.create({
    data: { id: keyId, tenantId: tenant.id, label: "Spec", environment: "test" },
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
    planRequestId: planRequest.id,
    teammateId: actors.member.id,
    teamInvitationId: (
      await db.invitation.create({
        data: {
          email: `spec-${keyId}@x.example`,
          role: "member",
          tenantId: tenant.id,
          tokenHash: `spec-${keyId}`,
          activeKey: `spec-${keyId}@x.example`,
          expiresAt: new Date(Date.now() + 3_600_000),
          invitedById: actors.partner.id,
        },
      })
    ).id,
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
