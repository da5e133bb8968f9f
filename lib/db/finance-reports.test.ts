import { describe, expect, it } from "vitest";
import { insertUsage } from "@/test/billing-fixtures";
import { makeActor, makeTenant } from "@/test/fixtures";
import { db } from "./client";
import { usageByDay, usageByMonthAndTenant, usageByPlan } from "./finance-reports";

describe("usage reports", () => {
  it("sums by month and tenant, by usage plan and by day, on both providers", async () => {
    const fin = await makeActor("finance");
    const a = await makeTenant();
    const plan = `plan-${a.id}`;
    await insertUsage(a.id, ["2019-01-30", "2019-01-31", "2019-02-01"], 10, { usagePlanId: plan });
    await insertUsage(a.id, ["2019-02-01"], 5, { usagePlanId: plan });
    const rows = (await usageByMonthAndTenant(fin, "2019-01", "2019-02")).filter((r) => r.tenantId === a.id);
    expect(rows.sort((x, y) => x.month.localeCompare(y.month))).toEqual([
      { month: "2019-01", tenantId: a.id, requests: 20 },
      { month: "2019-02", tenantId: a.id, requests: 15 },
    ]);
    expect((await usageByPlan(fin, "2019-01", "2019-02")).find((p) => p.usagePlanId === plan)).toEqual({
      usagePlanId: plan,
      usagePlanName: null,
      requests: 35,
    });
    // With the plan's synced shape, its name (also once the plan is deleted: its usage is still in the period).
    await db.usagePlanSnapshot.create({ data: { id: plan, name: "Gold", deletedAt: new Date() } });
    expect(
      (await usageByPlan(fin, "2019-01", "2019-02")).find((p) => p.usagePlanId === plan)?.usagePlanName,
    ).toBe("Gold");
    expect(
      (await usageByDay(fin, "2019-02")).find((d) => d.day === "2019-02-01")?.requests,
    ).toBeGreaterThanOrEqual(15);
    // Late usage for January is picked up by the rollup on the next report.
    await insertUsage(a.id, ["2019-01-15"], 100, { usagePlanId: plan });
    const again = await usageByMonthAndTenant(fin, "2019-01", "2019-01");
    expect(again.find((r) => r.tenantId === a.id)?.requests).toBe(120);
    const op = await makeActor("operator");
    const partner = await makeActor("partner", a.id);
    for (const who of [op, partner])
      await expect(usageByMonthAndTenant(who, "2019-01", "2019-02")).rejects.toMatchObject({
        code: "forbidden",
      });
  });
});
