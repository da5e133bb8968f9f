import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { makeActor, uid } from "@/test/fixtures";
import { AUDIT_SUBJECT_PERMISSION, listAuditActions, listAuditEvents, recordAudit } from "./audit";

// Issue 13: operators hold audit.read and so saw invitation e-mails and roles (admin-only) and invoice numbers
// (finance-only) in the audit trail.
describe("audit visibility per viewer", () => {
  it("operators see operations subjects only; admins see everything", async () => {
    const tag = uid();
    const admin = await makeActor("admin");
    const types = ["tenant", "stage", ...Object.keys(AUDIT_SUBJECT_PERMISSION)];
    for (const targetType of types)
      await recordAudit({
        actor: admin,
        action: `vis.${tag}.${targetType}`,
        targetType,
        targetId: `${targetType}-1`,
        summary: { email: "secret-invitee@x.example" },
        outcome: "success",
        requestId: randomUUID(),
      });
    const seen = async (role: "admin" | "operator") => {
      const a = await makeActor(role);
      const r = await listAuditEvents(a, { action: `vis.${tag}`, page: 1, pageSize: 50 });
      const actions = (await listAuditActions(a)).filter((x) => x.startsWith(`vis.${tag}`));
      return { types: r.events.map((e) => e.targetType).sort(), actions: actions.length, total: r.total };
    };
    expect(await seen("admin")).toMatchObject({ total: types.length, actions: types.length });
    const op = await seen("operator");
    expect(op.types).toEqual(["stage", "tenant"]);
    expect(op.total).toBe(2);
    expect(op.actions).toBe(2);
    // Searching for a hidden subject by name finds nothing either.
    const operator = await makeActor("operator");
    expect(
      (await listAuditEvents(operator, { action: `vis.${tag}`, target: "invitation", page: 1, pageSize: 50 }))
        .total,
    ).toBe(0);
  });
});
