import { describe, expect, it } from "vitest";
import { DEFAULT_COST_SETTINGS } from "@/lib/billing/cost";
import { insertUsage, planInput } from "@/test/billing-fixtures";
import { makeActor, makeTenant, uid } from "@/test/fixtures";
import { getCostSettings, setCostSettings } from "./finance-settings";
import { finalizeInvoice, generateInvoices } from "@/lib/invoices/commands";
import { marginReport } from "./finance-margin";
import { db } from "./client";
import { assignPricePlan, createPricePlan } from "./price-plans";

describe("cost and margin", () => {
  it("allocates the month's API Gateway cost by requests and subtracts it from finalized revenue", async () => {
    const fin = await makeActor("finance");
    const [a, b] = [await makeTenant(), await makeTenant()];
    const plan = await createPricePlan(fin, { ...planInput, name: `Plan ${uid()}` });
    await assignPricePlan(fin, { tenantId: a.id, planId: plan.id, effectiveFrom: "2018-06-01" });
    await insertUsage(a.id, ["2018-06-10"], 3_000_000);
    await insertUsage(b.id, ["2018-06-11"], 1_000_000);
    // HTTP at $1.00 / M: 4 M requests = 400 cents; a gets 3/4 = 300, b 100.
    await setCostSettings(fin, { ...DEFAULT_COST_SETTINGS, apiType: "HTTP" });
    expect((await getCostSettings()).apiType).toBe("HTTP");
    await generateInvoices(fin, "2018-06", new Date("2026-01-01T00:00:00Z"));
    const inv = await db.invoice.findFirstOrThrow({ where: { tenantId: a.id, month: "2018-06" } });
    await finalizeInvoice(fin, inv.id, new Date("2026-01-01T00:00:00Z"));
    const r = await marginReport(fin, "2018-06");
    expect(r.totalCostMinor).toBe("400");
    const ra = r.rows.find((x) => x.tenantId === a.id)!;
    const rb = r.rows.find((x) => x.tenantId === b.id)!;
    expect([ra.requests, ra.costMinor, ra.revenueMinor]).toEqual([
      3_000_000,
      "300",
      inv.totalMinor.toString(),
    ]);
    expect(ra.marginMinor).toBe((inv.totalMinor - 300n).toString());
    expect([rb.costMinor, rb.revenueMinor, rb.marginMinor]).toEqual(["100", "0", "-100"]);
    await setCostSettings(fin, DEFAULT_COST_SETTINGS);
    await expect(setCostSettings(await makeActor("operator"), DEFAULT_COST_SETTINGS)).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
