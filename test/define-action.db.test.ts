import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { defineAction } from "@/lib/auth/define-action";
import { db } from "@/lib/db/client";
import { conflict } from "@/lib/errors";
import { makeActor, uid } from "./fixtures";

const current = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => current.actor }));

function probe(behaviour: (input: { n: number }) => Promise<{ n: number }>) {
  const action = `test.${uid()}`;
  const run = defineAction({
    name: action,
    permission: "tenants.manage",
    input: z.object({ n: z.number().int().max(10, "At most 10.") }),
    handler: async ({ input }) => behaviour(input),
    audit: { action, targetType: "probe", targetId: (i) => String(i.n), summary: (i) => ({ n: i.n }) },
  });
  const events = () => db.auditEvent.findMany({ where: { action }, orderBy: { at: "asc" } });
  return { run, events };
}

describe("defineAction", () => {
  it("runs the handler and audits success with target and summary", async () => {
    current.actor = await makeActor("operator");
    const { run, events } = probe(async (i) => ({ n: i.n * 2 }));
    expect(await run({ n: 3 })).toEqual({ ok: true, data: { n: 6 } });
    expect(await events()).toMatchObject([
      { outcome: "success", targetId: "3", summary: { n: 3 }, actorEmail: current.actor.email },
    ]);
  });

  it("returns field errors for bad input and runs nothing", async () => {
    current.actor = await makeActor("operator");
    const handler = vi.fn(async (i: { n: number }) => i);
    const { run, events } = probe(handler);
    expect(await run({ n: 11 })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { n: ["At most 10."] },
    });
    expect(handler).not.toHaveBeenCalled();
    // One audit event per call, also for invalid input: named, aimed at its target, no input echoed.
    expect(await events()).toMatchObject([
      { outcome: "failure", targetId: "11", summary: { error: "invalid input", fields: ["n"] } },
    ]);
  });

  it("returns expected failures as values at the field, and audits them as failures", async () => {
    current.actor = await makeActor("operator");
    const { run, events } = probe(async () => {
      throw conflict("Already there.", "n");
    });
    expect(await run({ n: 1 })).toMatchObject({
      ok: false,
      code: "conflict",
      error: "Already there.",
      fieldErrors: { n: ["Already there."] },
    });
    expect(await events()).toMatchObject([{ outcome: "failure" }]);
  });

  it("hides unexpected errors behind a request id", async () => {
    current.actor = await makeActor("operator");
    const { run, events } = probe(async () => {
      throw new Error("SQLITE_CONSTRAINT: secret internals");
    });
    const res = await run({ n: 1 });
    expect(res).toMatchObject({ ok: false, code: "internal" });
    expect(JSON.stringify(res)).not.toContain("SQLITE");
    expect(await events()).toMatchObject([
      { outcome: "failure", summary: expect.objectContaining({ error: "internal" }) },
    ]);
  });

  it("audits a refusal as denied", async () => {
    current.actor = await makeActor("finance");
    const { run, events } = probe(async (i) => i);
    expect(await run({ n: 1 })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await events()).toMatchObject([{ outcome: "denied", actorRole: "finance" }]);
  });

  // Issue 13: refused calls were audited with an empty input, so the naming function chose the wrong name.
  it("audits a refused call under the action's own name and the target it aimed at", async () => {
    current.actor = await makeActor("finance");
    const action = `test.${uid()}`;
    const run = defineAction({
      name: `${action}.toggle`,
      permission: "users.manage",
      input: z.object({ userId: z.string(), disabled: z.boolean(), secret: z.string().optional() }),
      handler: async () => ({}),
      audit: {
        action: (i) => (i.disabled ? `${action}.disable` : `${action}.enable`),
        targetType: "user",
        targetId: (i) => i.userId,
        summary: (i) => ({ secret: i.secret }),
      },
    });
    await run({ userId: "alice-id", disabled: true, secret: "s3cret-value" });
    const [e] = await db.auditEvent.findMany({ where: { action: { startsWith: action } } });
    expect(e).toMatchObject({ action: `${action}.disable`, targetId: "alice-id", outcome: "denied" });
    expect(JSON.stringify(e!.summary)).not.toContain("s3cret-value");
  });

  it("audits a call without a session as an anonymous refusal", async () => {
    current.actor = null;
    const { run, events } = probe(async (i) => i);
    expect(await run({ n: 4 })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await events()).toMatchObject([
      { outcome: "denied", actorRole: "anonymous", targetId: "4", summary: { reason: "no session" } },
    ]);
  });
});
