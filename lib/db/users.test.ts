import { describe, expect, it } from "vitest";
import { makeActor, makeSession } from "@/test/fixtures";
import { db } from "./client";
import { sessionEndReason } from "./session-ends";
import { getSignInBlock, setUserDisabled } from "./users";

describe("users", () => {
  it("disabling deletes sessions and blocks sign-in; enabling lifts the block", async () => {
    const admin = await makeActor("admin");
    const op = await makeActor("operator");
    const session = await makeSession(op.id);
    await setUserDisabled(admin, op.id, true);
    expect(await db.session.count({ where: { userId: op.id } })).toBe(0);
    expect(await sessionEndReason(session.token)).toBe("disabled");
    expect(await sessionEndReason("another-token")).toBeNull();
    expect(await getSignInBlock(op.id)).toMatch(/disabled/);
    await setUserDisabled(admin, op.id, false);
    expect(await getSignInBlock(op.id)).toBeNull();
  });

  it("refuses disabling oneself and non-admins", async () => {
    const admin = await makeActor("admin");
    await expect(setUserDisabled(admin, admin.id, true)).rejects.toMatchObject({ code: "invalid" });
    const op = await makeActor("operator");
    await expect(setUserDisabled(op, admin.id, true)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("blocks partners of a suspended tenant at sign-in", async () => {
    const partner = await makeActor("partner");
    expect(await getSignInBlock(partner.id)).toBeNull();
    await db.tenant.update({ where: { id: partner.tenantId }, data: { status: "SUSPENDED" } });
    expect(await getSignInBlock(partner.id)).toMatch(/suspended/);
  });
});
