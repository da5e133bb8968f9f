import { describe, expect, it } from "vitest";
import { makeActor, makeTenant, uid } from "@/test/fixtures";
import { db } from "./client";
import { acceptInvitation, checkInvitation, createInvitation, revokeInvitation } from "./invitations";

const hash = "scrypt-hash-placeholder-not-a-password";

describe("invitations", () => {
  it("creates a partner from a valid link exactly once", async () => {
    const admin = await makeActor("admin");
    const tenant = await makeTenant();
    const email = `p-${uid()}@acme.example`;
    const { token } = await createInvitation(admin, { email, role: "partner", tenantId: tenant.id });
    expect(await checkInvitation(token)).toMatchObject({
      ok: true,
      email,
      role: "partner",
      tenantName: tenant.name,
    });
    const user = await acceptInvitation(token, { name: "Pat", passwordHash: hash });
    expect(user).toMatchObject({ email, role: "partner", tenantId: tenant.id });
    expect(await db.account.count({ where: { userId: user.id, providerId: "credential" } })).toBe(1);
    await expect(acceptInvitation(token, { name: "Again", passwordHash: hash })).rejects.toMatchObject({
      message: expect.stringContaining("already been used"),
    });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("refuses concurrent double acceptance: one user, one consumed invitation", async () => {
    const { token } = await createInvitation(await makeActor("admin"), {
      email: `c-${uid()}@x.example`,
      role: "operator",
      tenantId: null,
    });
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => acceptInvitation(token, { name: "Race", passwordHash: hash })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("refuses an expired link with a clear message and creates no user", async () => {
    const email = `e-${uid()}@x.example`;
    const { token, invitation } = await createInvitation(await makeActor("admin"), {
      email,
      role: "finance",
      tenantId: null,
    });
    await db.invitation.update({
      where: { id: invitation.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await checkInvitation(token)).toEqual({ ok: false, reason: expect.stringContaining("expired") });
    await expect(acceptInvitation(token, { name: "Late", passwordHash: hash })).rejects.toMatchObject({
      code: "invalid",
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses revoked, superseded and unknown links", async () => {
    const admin = await makeActor("admin");
    const email = `r-${uid()}@x.example`;
    const first = await createInvitation(admin, { email, role: "operator", tenantId: null });
    const second = await createInvitation(admin, { email, role: "operator", tenantId: null });
    expect(await checkInvitation(first.token)).toEqual({
      ok: false,
      reason: expect.stringContaining("withdrawn"),
    });
    await revokeInvitation(admin, second.invitation.id);
    expect(await checkInvitation(second.token)).toEqual({
      ok: false,
      reason: expect.stringContaining("withdrawn"),
    });
    expect(await checkInvitation("not-a-real-token")).toEqual({
      ok: false,
      reason: expect.stringContaining("not valid"),
    });
  });

  it("refuses inviting an existing user, a partner without tenant, staff with a tenant, or a suspended tenant", async () => {
    const admin = await makeActor("admin");
    const tenant = await makeTenant();
    await expect(
      createInvitation(admin, { email: admin.email, role: "operator", tenantId: null }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      createInvitation(admin, { email: `x-${uid()}@x.example`, role: "partner", tenantId: null }),
    ).rejects.toMatchObject({ code: "invalid" });
    await expect(
      createInvitation(admin, { email: `y-${uid()}@x.example`, role: "finance", tenantId: tenant.id }),
    ).rejects.toMatchObject({ code: "invalid" });
    await db.tenant.update({ where: { id: tenant.id }, data: { status: "SUSPENDED" } });
    await expect(
      createInvitation(admin, { email: `z-${uid()}@x.example`, role: "partner", tenantId: tenant.id }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("suspended"),
    });
  });

  it("is refused to operators", async () => {
    await expect(
      createInvitation(await makeActor("operator"), {
        email: `o-${uid()}@x.example`,
        role: "operator",
        tenantId: null,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
