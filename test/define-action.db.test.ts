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
      { outcome: "success", targetId: "3", summary: '{"n":3}', actorEmail: current.actor.email },
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
    expect(await events()).toEqual([]);
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
      { outcome: "failure", summary: expect.stringContaining('"error":"internal"') },
    ]);
  });

  it("audits a refusal as denied", async () => {
    current.actor = await makeActor("finance");
    const { run, events } = probe(async (i) => i);
    expect(await run({ n: 1 })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await events()).toMatchObject([{ outcome: "denied", actorRole: "finance" }]);
  });
});
