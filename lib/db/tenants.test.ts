import { describe, expect, it } from "vitest";
import { makeActor, makeSession, uid } from "@/test/fixtures";
import { AppError } from "@/lib/errors";
import { db } from "./client";
import { sessionEndReason } from "./session-ends";
import { createTenant, getTenant, listTenants, renameTenant, setTenantStatus, slugify } from "./tenants";

describe("tenants data access", () => {
  it("creates, renames and lists tenants for staff", async () => {
    const op = await makeActor("operator");
    const name = `Initech ${uid()}`;
    const t = await createTenant(op, { name, billingEmail: "billing@initech.example" });
    expect(t).toMatchObject({ name, slug: slugify(name), status: "ACTIVE", userCount: 0 });
    const renamed = await renameTenant(op, t.id, `${name} Ltd`);
    expect(renamed.slug).toBe(slugify(`${name} Ltd`));
    expect((await listTenants(op, { q: name })).map((x) => x.id)).toEqual([t.id]);
  });

  it("refuses a duplicate name, including one that differs only in case or punctuation, and writes nothing", async () => {
    const op = await makeActor("operator");
    const name = `Hooli ${uid()}`;
    await createTenant(op, { name });
    const dups = [name, name.toUpperCase(), `${name}!`];
    // Counted by name: other files create tenants in this database at the same time.
    const mine = () => db.tenant.count({ where: { name: { in: dups } } });
    expect(await mine()).toBe(1);
    for (const dup of dups) {
      await expect(createTenant(op, { name: dup })).rejects.toMatchObject({
        code: "conflict",
        fieldErrors: { name: [expect.stringContaining("already exists")] },
      });
    }
    expect(await mine()).toBe(1);
  });

  it("scopes a partner to its own tenant and refuses finance", async () => {
    const partner = await makeActor("partner");
    const other = await createTenant(await makeActor("admin"), { name: `Other ${uid()}` });
    await expect(listTenants(partner)).rejects.toBeInstanceOf(AppError);
    await expect(getTenant(await makeActor("finance"), other.id)).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("suspending deletes the partners' sessions; reinstating does not restore them", async () => {
    const admin = await makeActor("admin");
    const partner = await makeActor("partner");
    const session = await makeSession(partner.id);
    expect(await sessionEndReason(session.token)).toBeNull();
    const suspended = await setTenantStatus(admin, partner.tenantId, "SUSPENDED");
    expect(suspended.status).toBe("SUSPENDED");
    expect(suspended.suspendedAt).not.toBeNull();
    expect(await db.session.count({ where: { userId: partner.id } })).toBe(0);
    // The sign-in page can tell the partner why (only a hash of the token is kept, never the token).
    expect(await sessionEndReason(session.token)).toBe("suspended");
    expect(await db.verification.count({ where: { value: { contains: session.token } } })).toBe(0);
    expect(await db.verification.count({ where: { identifier: { contains: session.token } } })).toBe(0);
    expect(await sessionEndReason(session.token, new Date(Date.now() + 2 * 3_600_000))).toBeNull();
    const back = await setTenantStatus(admin, partner.tenantId, "ACTIVE");
    expect(back).toMatchObject({ status: "ACTIVE", suspendedAt: null, activeKeyCount: 0 });
  });

  it("answers not found for an unknown id", async () => {
    await expect(renameTenant(await makeActor("admin"), "nope", "Whatever")).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
