import { describe, expect, it } from "vitest";
import { makeActor, makeTenant, uid } from "@/test/fixtures";
import { db } from "./client";
import { acceptInvitation, checkInvitation, createInvitation, reissueInvitation } from "./invitations";
import { changeUserRole } from "./users";

const hash = "scrypt-hash-placeholder-not-a-password";

describe("resending an invitation", () => {
  it("makes a new token for the same address, role and tenant; the old link stops working", async () => {
    const admin = await makeActor("admin");
    const tenant = await makeTenant();
    const email = `rs-${uid()}@x.example`;
    const first = await createInvitation(admin, { email, role: "partner", tenantId: tenant.id });
    expect(first.tenantName).toBe(tenant.name);
    const again = await reissueInvitation(admin, first.invitation.id);
    expect(again.token).not.toBe(first.token);
    expect(again).toMatchObject({ role: "partner", tenantName: tenant.name });
    expect(await checkInvitation(first.token)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("withdrawn"),
    });
    expect(await checkInvitation(again.token)).toMatchObject({ ok: true, email, tenantName: tenant.name });
    // An expired or revoked invitation can be resent too; an accepted one cannot.
    await acceptInvitation(again.token, { name: "Pat", passwordHash: hash });
    await expect(reissueInvitation(admin, again.invitation.id)).rejects.toMatchObject({ code: "invalid" });
    await expect(reissueInvitation(admin, "no-such-invitation")).rejects.toMatchObject({ code: "not_found" });
  });

  it("is refused to anyone but admins", async () => {
    const admin = await makeActor("admin");
    const { invitation } = await createInvitation(admin, {
      email: `rs2-${uid()}@x.example`,
      role: "operator",
      tenantId: null,
    });
    for (const role of ["operator", "finance"] as const)
      await expect(reissueInvitation(await makeActor(role), invitation.id)).rejects.toMatchObject({
        code: "forbidden",
      });
  });
});

describe("changing a user's role", () => {
  it("changes role and tenant together and ends the user's sessions", async () => {
    const admin = await makeActor("admin");
    const op = await makeActor("operator");
    const tenant = await makeTenant();
    await db.session.create({
      data: { userId: op.id, token: `t-${uid()}`, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    const u = await changeUserRole(admin, { userId: op.id, role: "partner", tenantId: tenant.id });
    expect(u).toMatchObject({ role: "partner", tenantId: tenant.id, previousRole: "operator" });
    expect(await db.session.count({ where: { userId: op.id } })).toBe(0);
    const back = await changeUserRole(admin, { userId: op.id, role: "finance", tenantId: null });
    expect(back).toMatchObject({ role: "finance", tenantId: null, previousTenantId: tenant.id });
  });

  it("refuses: own role, partner without tenant, staff with tenant, suspended tenant, no change, non-admins", async () => {
    const admin = await makeActor("admin");
    const op = await makeActor("operator");
    const tenant = await makeTenant();
    const suspended = await db.tenant.update({
      where: { id: (await makeTenant()).id },
      data: { status: "SUSPENDED" },
    });
    const refuse = (actor: typeof admin, input: Parameters<typeof changeUserRole>[1]) =>
      expect(changeUserRole(actor, input)).rejects.toMatchObject({ code: expect.any(String) });
    await refuse(admin, { userId: admin.id, role: "operator", tenantId: null });
    await refuse(admin, { userId: op.id, role: "partner", tenantId: null });
    await refuse(admin, { userId: op.id, role: "finance", tenantId: tenant.id });
    await refuse(admin, { userId: op.id, role: "partner", tenantId: suspended.id });
    await refuse(admin, { userId: op.id, role: "operator", tenantId: null });
    await expect(
      changeUserRole(await makeActor("operator"), { userId: op.id, role: "finance", tenantId: null }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.user.findUniqueOrThrow({ where: { id: op.id } })).toMatchObject({ role: "operator" });
  });
});
