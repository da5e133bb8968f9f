// Issue 13's bad-input suite: EVERY server action, called by a role that may call it, with malformed values at
// the top level and in each field (wrong types, null, empty, huge, 100 kB strings, Unicode with control and bidi
// characters, out-of-range numbers, impossible dates, hex/exponent/grouped numbers). Each call must answer a
// specific refusal — never an internal error or a throw — and change nothing: no row in any table (the call's own
// audit event aside) and no write in AWS (the Local Gateway's state is compared before and after).
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { ActionResult, TollgateAction } from "@/lib/auth/define-action";
import type { Role } from "@/lib/auth/permissions";
import { readState, startTestGateway, type TestGateway } from "@tollgate/local-gateway/testing";
import { ACTIONS, type Fixture } from "./authorization-spec";

const current = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({
  getActor: async () => current.actor,
  requireActor: async () => current.actor,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const tg: TestGateway = await startTestGateway();
process.env.AWS_ENDPOINT_URL = tg.gw.url;
process.env.TOLLGATE_MODE = "local";
const { db } = await import("@/lib/db/client");
const { makeActor, makeTenant } = await import("./fixtures");
const { Prisma } = await import("@/lib/db/generated/sqlite/client");

const HUGE = "x".repeat(100_000);
/** Values no field of any action accepts (each is checked: a value an action accepts fails the suite). */
const BAD: [string, unknown][] = [
  ["null", null],
  ["true", true],
  ["array", []],
  ["object", {}],
  ["negative", -1],
  ["huge number", 1e308],
  ["fraction", 0.5],
  ["hex", "0x10"],
  ["exponent", "1e3"],
  ["grouped", "1,2,3"],
  ["impossible date", "2026-13-45"],
  ["100 kB", HUGE],
  ["unicode + controls", "東京\u202e\u0000💥"],
];
const WHOLE: [string, unknown][] = [
  ["undefined", undefined],
  ["null", null],
  ["empty string", ""],
  ["number", 42],
  ["array", []],
  ["100 kB", HUGE],
];

/**
 * Field values an action legitimately accepts (text fields take any text, booleans take true, optional fields
 * take empty values). These calls are not "bad input"; they are skipped (and listed here so the list is reviewed).
 */
const ACCEPTED: Record<string, Set<string>> = {
  "set-user-disabled": new Set(["disabled=true"]),
  "update-http-stage": new Set(["change.autoDeploy=true"]),
  "set-key-enabled": new Set(["enabled=true"]),
  "set-alert-opt-in": new Set(["on=true"]),
  // tenantId null = "no tenant" (staff roles).
  "invite-user": new Set(["tenantId=null"]),
  "change-user-role": new Set(["tenantId=null"]),
  // An empty or null note = no note.
  "mark-invoice-paid": new Set(["note=null"]),
};
/** Takes no input: `undefined` is its normal call. */
const NO_INPUT = new Set(["sign-out"]);
/** Free-text fields: any printable text up to their length is a valid name, password, reason or description. */
const TEXT: Record<string, string[]> = {
  "create-tenant": ["name"],
  "rename-tenant": ["name"],
  "create-price-plan": ["name"],
  "create-usage-plan": ["name"],
  "update-usage-plan": ["plan.name"],
  "create-deployment": ["description"],
  "void-invoice": ["reason"],
  "request-plan-change": ["message"],
  "decline-plan-request": ["reason"],
  "sign-in": ["password"],
  "accept-invitation": ["name", "password", "confirm"],
  "create-service-token": ["name"],
  "create-tenant-token": ["name"],
  "reset-password": ["password", "confirm"],
  "mark-invoice-paid": ["note"],
  "update-issuer-settings": ["name", "address", "taxId"],
};
const isPlainText = (v: unknown) => typeof v === "string" && v !== HUGE && !/[\u0000-\u001f\u202e]/.test(v);

const root = path.resolve(import.meta.dirname, "..");
const files = readdirSync(path.join(root, "lib/actions"))
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .map((f) => f.replace(/\.ts$/, ""));

async function load(file: string): Promise<TollgateAction<unknown, unknown>> {
  const mod = (await import(`@/lib/actions/${file}`)) as Record<string, unknown>;
  return Object.values(mod).find(
    (v): v is TollgateAction<unknown, unknown> => typeof v === "function" && "meta" in v,
  )!;
}

/** Bases for the public actions, whose authorization-spec input is `{}`. */
const PUBLIC_BASE: Record<string, unknown> = {
  "request-password-reset": { email: "nobody@x.example" },
  "reset-password": {
    token: "not-a-real-token-0123456789",
    password: "a-long-password",
    confirm: "a-long-password",
  },
  "sign-in": { email: "nobody@x.example", password: "not-the-password" },
  "unsubscribe-alerts": { token: "bm9ib2R5OnF1b3Rh.not-a-valid-signature-at-all" },
  "accept-invitation": {
    token: "not-a-real-token-0123456789",
    name: "Pat",
    password: "a-long-password",
    confirm: "a-long-password",
  },
};

/** Every field path of the base input, to depth 2 ("plan.rateLimit", "change.kind"). */
function paths(v: unknown, prefix = "", depth = 0): string[] {
  if (!v || typeof v !== "object" || Array.isArray(v) || depth > 1) return [];
  return Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => {
    const p = prefix ? `${prefix}.${k}` : k;
    return [p, ...paths(x, p, depth + 1)];
  });
}
function setPath(base: unknown, p: string, value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  const keys = p.split(".");
  let o = copy;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  o[keys.at(-1)!] = value;
  return copy;
}

const models = Object.keys(Prisma.ModelName).map((m) => m.charAt(0).toLowerCase() + m.slice(1));
async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const m of models)
    out[m] = await (db as unknown as Record<string, { count: () => Promise<number> }>)[m]!.count();
  return out;
}
const gatewayState = () => JSON.stringify(readState(tg.gw));

let fixture: Fixture;
let actors: Record<Role, Actor>;
beforeAll(async () => {
  const tenant = await makeTenant();
  actors = {
    admin: await makeActor("admin"),
    operator: await makeActor("operator"),
    finance: await makeActor("finance"),
    partner: await makeActor("partner", tenant.id),
    member: await makeActor("member", tenant.id),
  };
  fixture = {
    tenantId: tenant.id,
    otherTenantPartner: await makeActor("partner"),
    keyId: "missing-key",
    tokenId: "missing-token",
    planRequestId: "missing-request",
    teammateId: "missing-user",
    teamInvitationId: "missing-invitation",
  };
});
afterAll(async () => {
  await tg.stop();
});

type Failure = Extract<ActionResult<unknown>, { ok: false }>;
function expectSpecific(label: string, r: ActionResult<unknown>) {
  expect(r.ok, `${label} was accepted`).toBe(false);
  const f = r as Failure;
  expect(f.code, `${label}: ${f.error}`).not.toBe("internal");
  expect(f.error, label).not.toMatch(/Something went wrong/);
  if (f.code === "invalid") {
    const messages = Object.values(f.fieldErrors ?? {}).flat();
    expect(messages.length > 0 || f.error.length > 10, `${label} names what is wrong`).toBe(true);
    for (const m of messages) {
      expect(m.length, label).toBeGreaterThan(3);
      expect(m.length, `${label}: a message does not echo the input`).toBeLessThan(400);
    }
  }
}

describe("bad input reaches no handler, no table and no AWS write", () => {
  it.each(files)("%s", async (file) => {
    const action = await load(file);
    const spec = ACTIONS[file]!;
    current.actor = spec.allowed === "public" ? null : actors[spec.allowed[0]!];
    const base = PUBLIC_BASE[file] ?? spec.input(fixture);
    const cases: [string, unknown][] = WHOLE.filter(([n]) => !(NO_INPUT.has(file) && n === "undefined")).map(
      ([n, v]) => [`whole input = ${n}`, v],
    );
    for (const p of paths(base))
      for (const [n, v] of BAD) {
        if (ACCEPTED[file]?.has(`${p}=${String(v)}`)) continue;
        if (TEXT[file]?.includes(p) && isPlainText(v)) continue;
        cases.push([`${p} = ${n}`, setPath(base, p, v)]);
      }
    const before = await counts();
    const aws = gatewayState();
    let calls = 0;
    for (const [label, input] of cases) {
      calls++;
      const r = await action(input).catch((e: unknown) => {
        throw new Error(`${file} ${label} threw: ${(e as Error).message}`);
      });
      expectSpecific(`${file} ${label}`, r);
    }
    const after = await counts();
    const audits = after.auditEvent! - before.auditEvent!;
    expect(audits, "at most one audit event per call").toBeLessThanOrEqual(calls);
    expect({ ...after, auditEvent: 0 }, `${file}: rows written`).toEqual({ ...before, auditEvent: 0 });
    expect(gatewayState() === aws, `${file}: AWS state changed`).toBe(true);
    if (audits > 0) {
      const events = await db.auditEvent.findMany({ orderBy: { at: "desc" }, take: audits });
      for (const e of events) {
        expect(e.outcome).not.toBe("success");
        expect(JSON.stringify(e.summary).length, "no input echoed into the audit trail").toBeLessThan(2000);
        expect((e.targetId ?? "").length).toBeLessThanOrEqual(120);
      }
    }
  });
});
