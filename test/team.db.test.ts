// Teams (issue 16 §5): an owner invites and removes colleagues of their own tenant only, never into another tenant
// and never as staff; members see the team but cannot invite, remove, revoke or delete keys.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { acceptInvitation } from "@/lib/db/invitations";
import { loadTeam } from "@/lib/db/team";
import { deleteKey, revokeKey } from "@/lib/keys/commands";
import { requestPlanChange } from "@/lib/plan-requests/commands";
import { setAlertOptIn } from "@/lib/alerts/commands";
import { inviteTeammate, removeTeammate, revokeTeammateInvitation } from "@/lib/team/commands";
import { makeActor, makeSession, makeTenant, uid } from "./fixtures";

const tokenOf = (link: string | null) => link!.split("/invite/")[1]!;

describe("teams", () => {
  it("an owner invites a member into their own tenant; the member signs up into it as member", async () => {
    const tenant = await makeTenant();
    const owner = await makeActor("partner", tenant.id);
    const email = `mate-${uid()}@x.example`;
    const out = await inviteTeammate(owner, { email, role: "member" });
    expect(out.delivered).toBe(false); // no SMTP in tests: the link comes back once, for the owner to pass on
    const inv = await db.invitation.findUniqueOrThrow({ where: { id: out.invitationId } });
    expect(inv).toMatchObject({ tenantId: tenant.id, role: "member", invitedById: owner.id });
    expect(inv.tokenHash).not.toContain(tokenOf(out.link)); // only the hash is stored
    const user = await acceptInvitation(tokenOf(out.link), { name: "Mate", passwordHash: "x" });
    expect(user).toMatchObject({ role: "member", tenantId: tenant.id });
    const team = await loadTeam(owner);
    expect(team.teammates.map((t) => [t.email, t.role])).toContainEqual([email, "member"]);
  });

  it("never invites a staff role, and members cannot invite", async () => {
    const tenant = await makeTenant();
    const owner = await makeActor("partner", tenant.id);
    const member = await makeActor("member", tenant.id);
    for (const role of ["admin", "operator", "finance"])
      await expect(
        inviteTeammate(owner, { email: `s-${uid()}@x.example`, role: role as "member" }),
      ).rejects.toMatchObject({ code: "invalid" });
    await expect(
      inviteTeammate(member, { email: `m-${uid()}@x.example`, role: "member" }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    const staff = await makeActor("admin");
    await expect(
      inviteTeammate(staff, { email: `a-${uid()}@x.example`, role: "member" }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await db.invitation.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("removes a colleague of the own tenant only; another tenant's user or a staff user looks like nobody", async () => {
    const tenant = await makeTenant();
    const owner = await makeActor("partner", tenant.id);
    const member = await makeActor("member", tenant.id);
    await makeSession(member.id);
    const stranger = await makeActor("partner");
    const admin = await makeActor("admin");
    await expect(removeTeammate(owner, stranger.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(removeTeammate(owner, admin.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(removeTeammate(owner, owner.id)).rejects.toMatchObject({ code: "invalid" });
    await expect(removeTeammate(member, owner.id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.user.count({ where: { id: { in: [stranger.id, admin.id, owner.id] } } })).toBe(3);
    await removeTeammate(owner, member.id);
    expect(await db.user.findUnique({ where: { id: member.id } })).toBeNull();
    expect(await db.session.count({ where: { userId: member.id } })).toBe(0);
  });

  it("withdraws invitations of the own tenant only", async () => {
    const owner = await makeActor("partner");
    const other = await makeActor("partner");
    const out = await inviteTeammate(owner, { email: `w-${uid()}@x.example`, role: "member" });
    await expect(revokeTeammateInvitation(other, out.invitationId)).rejects.toMatchObject({
      code: "not_found",
    });
    await revokeTeammateInvitation(owner, out.invitationId);
    expect(
      (await db.invitation.findUniqueOrThrow({ where: { id: out.invitationId } })).revokedAt,
    ).not.toBeNull();
    expect((await loadTeam(owner)).invitations).toHaveLength(0);
  });

  it("members cannot revoke or delete keys (refused before any AWS call)", async () => {
    const tenant = await makeTenant();
    const member = await makeActor("member", tenant.id);
    const keyId = `k${uid()}`;
    await db.apiKeyRecord.create({
      data: { id: keyId, tenantId: tenant.id, label: "K", environment: "test" },
    });
    await expect(revokeKey(member, keyId)).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteKey(member, keyId)).rejects.toMatchObject({ code: "forbidden" });
    expect((await db.apiKeyRecord.findUniqueOrThrow({ where: { id: keyId } })).status).toBe("ACTIVE");
  });

  it("members cannot ask for another plan, but switch their own alerts", async () => {
    const member = await makeActor("member");
    await expect(
      requestPlanChange(member, { toPlanId: "any", fromPlanId: null, message: "Bigger please" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.planRequest.count({ where: { tenantId: member.tenantId } })).toBe(0);
    await setAlertOptIn(member, "quota", true);
    expect(await db.alertOptIn.count({ where: { userId: member.id } })).toBe(1);
  });
});
