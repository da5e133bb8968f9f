import { describe, expect, it } from "vitest";
import { makeActor, uid } from "@/test/fixtures";
import { listAuditEvents, recordAudit } from "./audit";
import { shiftDays } from "@/lib/dates";

describe("audit trail", () => {
  it("filters by actor, action prefix, target and date range, newest first, with server-side paging", async () => {
    const op = await makeActor("operator");
    const tag = uid();
    for (let i = 0; i < 7; i++) {
      await recordAudit({
        actor: op,
        action: `test.${tag}.${i % 2 ? "odd" : "even"}`,
        targetType: "thing",
        targetId: `t-${tag}-${i}`,
        outcome: "success",
        requestId: `r${i}`,
      });
    }
    const all = await listAuditEvents(op, { action: `test.${tag}`, page: 1, pageSize: 3 });
    expect(all.total).toBe(7);
    expect(all.pageCount).toBe(3);
    expect(all.events.map((e) => e.targetId)).toEqual([`t-${tag}-6`, `t-${tag}-5`, `t-${tag}-4`]);
    const page3 = await listAuditEvents(op, { action: `test.${tag}`, page: 3, pageSize: 3 });
    expect(page3.events.map((e) => e.targetId)).toEqual([`t-${tag}-0`]);
    expect((await listAuditEvents(op, { action: `test.${tag}.odd`, page: 1, pageSize: 50 })).total).toBe(3);
    expect(
      (await listAuditEvents(op, { actor: op.email, target: `t-${tag}-2`, page: 1, pageSize: 50 })).total,
    ).toBe(1);
    const tomorrow = shiftDays(new Date(), 1);
    expect(
      (await listAuditEvents(op, { action: `test.${tag}`, from: tomorrow, page: 1, pageSize: 50 })).total,
    ).toBe(0);
    expect(
      (await listAuditEvents(op, { action: `test.${tag}`, to: tomorrow, page: 1, pageSize: 50 })).total,
    ).toBe(7);
  });

  it("records who signed in (role and id) although no session exists yet", async () => {
    // Sign-ins name users and their roles: admin-only (users.read), like the user list.
    const op = await makeActor("admin");
    const email = `signin-${uid()}@x.example`;
    await recordAudit({
      actor: null,
      anonymousEmail: email,
      signedIn: { id: "u-1", role: "partner", tenantId: null },
      action: "auth.sign-in",
      targetType: "session",
      outcome: "success",
      requestId: "r",
    });
    await recordAudit({
      actor: null,
      anonymousEmail: email,
      action: "auth.sign-in",
      targetType: "session",
      outcome: "failure",
      requestId: "r",
    });
    const rows = (await listAuditEvents(op, { actor: email, page: 1, pageSize: 10 })).events;
    expect(rows.map((e) => `${e.outcome}:${e.actorRole}`).sort()).toEqual([
      "failure:anonymous",
      "success:partner",
    ]);
  });

  it("is closed to finance and partners", async () => {
    await expect(
      listAuditEvents(await makeActor("finance"), { page: 1, pageSize: 10 }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      listAuditEvents(await makeActor("partner"), { page: 1, pageSize: 10 }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
