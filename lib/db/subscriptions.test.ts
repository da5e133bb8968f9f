import { describe, expect, it } from "vitest";
import { makeTenant, uid } from "@/test/fixtures";
import { db } from "./client";
import { addSubscription } from "./subscriptions";

describe("subscriptions", () => {
  // Issue 13: find-then-create let parallel subscribes open the same subscription twice.
  it("parallel subscribes of one tenant to one plan open exactly one subscription", async () => {
    const t = await makeTenant();
    const plan = `plan-${uid()}`;
    await Promise.all(Array.from({ length: 6 }, () => addSubscription(t.id, plan, new Date())));
    expect(await db.subscription.count({ where: { tenantId: t.id, usagePlanId: plan, until: null } })).toBe(
      1,
    );
  });
});
