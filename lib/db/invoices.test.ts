import { describe, expect, it } from "vitest";
import { insertUsage, planInput } from "@/test/billing-fixtures";
import { makeActor, makeTenant, uid } from "@/test/fixtures";
import { monthDays } from "@/lib/billing/pricing";
import { db } from "./client";
import {
  finalizeInvoice,
  generateInvoices,
  recalculateInvoice,
  reissueInvoice,
  voidInvoice,
} from "@/lib/invoices/commands";
import { getInvoice, listInvoices } from "./invoices";
import { addPlanVersion, assignPricePlan, createPricePlan } from "./price-plans";

const NOW = new Date("2026-11-10T12:00:00Z");
// PostgreSQL reports the trigger's message; Prisma's SQLite adapter reports a trigger abort as a constraint error.
const REFUSED = /immutable|constraint/i;

async function setup(month: string, perDay = 100) {
  const fin = await makeActor("finance");
  const tenant = await makeTenant();
  const plan = await createPricePlan(fin, { ...planInput, name: `Plan ${uid()}` });
  await assignPricePlan(fin, { tenantId: tenant.id, planId: plan.id, effectiveFrom: "2020-01-01" });
  // Two keys (a rotation): both count for the tenant.
  const days = monthDays(month);
  await insertUsage(tenant.id, days.slice(0, 10), perDay);
  await insertUsage(tenant.id, days.slice(10), perDay);
  return { fin, tenant, plan, days };
}
const live = async (tenantId: string, month: string) =>
  db.invoice.findFirstOrThrow({
    where: { tenantId, month, status: { not: "VOID" } },
    include: { lines: true },
  });

describe("invoices", () => {
  it("generates a draft from all of the tenant's keys whose quantities equal the synced usage", async () => {
    const { fin, tenant } = await setup("2024-01");
    const r = await generateInvoices(fin, "2024-01", NOW);
    expect(r.created).toBeGreaterThanOrEqual(1);
    const inv = await live(tenant.id, "2024-01");
    // 31 days × 100 = 3,100 requests; 1,000 included; 2,100 × 0.1 cent = 210; + base fee 1000 = 1210.
    expect([inv.status, inv.requests, inv.totalMinor]).toEqual(["DRAFT", 3100n, 1210n]);
    const usage = await db.usageDaily.aggregate({
      where: { tenantId: tenant.id, day: { startsWith: "2024-01" } },
      _sum: { requests: true },
    });
    const usageLines = inv.lines.filter((l) => ["INCLUDED", "TIER", "UNPRICED"].includes(l.kind));
    expect(usageLines.reduce((s, l) => s + l.quantity, 0n)).toBe(BigInt(usage._sum.requests ?? -1));
    // Regenerating re-prices the draft instead of adding a second one.
    await insertUsage(tenant.id, ["2024-01-31"], 1000);
    await generateInvoices(fin, "2024-01", NOW);
    const again = await live(tenant.id, "2024-01");
    expect([again.id, again.requests, again.totalMinor]).toEqual([inv.id, 4100n, 1310n]);
  });

  it("refuses a month that is not over", async () => {
    const fin = await makeActor("finance");
    await expect(generateInvoices(fin, "2026-11", NOW)).rejects.toMatchObject({ code: "invalid" });
  });

  it("finalizes with numbers in sequence per year and then refuses every change, also in the database", async () => {
    const { fin, tenant } = await setup("2024-02");
    const other = await setup("2024-02");
    await generateInvoices(fin, "2024-02", NOW);
    const a = await live(tenant.id, "2024-02");
    const b = await live(other.tenant.id, "2024-02");
    const na = (await finalizeInvoice(fin, a.id, NOW)).number;
    const nb = (await finalizeInvoice(fin, b.id, NOW)).number;
    expect(na).toMatch(/^INV-2026-\d{6}$/);
    expect(Number(nb.slice(-6))).toBe(Number(na.slice(-6)) + 1);
    await expect(finalizeInvoice(fin, a.id, NOW)).rejects.toMatchObject({ code: "conflict" });
    await expect(recalculateInvoice(fin, a.id)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("cannot be changed"),
    });
    // Below the data-access functions: triggers refuse direct writes.
    await expect(db.invoice.update({ where: { id: a.id }, data: { totalMinor: 1n } })).rejects.toThrow(
      REFUSED,
    );
    await expect(db.invoice.delete({ where: { id: a.id } })).rejects.toThrow(REFUSED);
    await expect(
      db.invoiceLine.updateMany({ where: { invoiceId: a.id }, data: { amountMinor: 0n } }),
    ).rejects.toThrow(REFUSED);
    await expect(
      db.invoiceLine.create({
        data: {
          invoiceId: a.id,
          position: 99,
          kind: "TIER",
          description: "x",
          quantity: 1n,
          unitPriceMinor: 1n,
          amountMinor: 1n,
          periodFrom: "",
          periodTo: "",
        },
      }),
    ).rejects.toThrow(REFUSED);
    const after = await db.invoice.findUniqueOrThrow({ where: { id: a.id }, include: { lines: true } });
    expect([after.totalMinor, after.lines.length]).toEqual([a.totalMinor, a.lines.length]);
    // A draft stays editable.
    const d = await setup("2024-03");
    await generateInvoices(fin, "2024-03", NOW);
    const draft = await live(d.tenant.id, "2024-03");
    await db.invoice.update({ where: { id: draft.id }, data: { totalMinor: draft.totalMinor } });
  });

  it("voids with a reason (then immutable too) and reissues a new draft linked to the void one", async () => {
    const { fin, tenant } = await setup("2024-04");
    await generateInvoices(fin, "2024-04", NOW);
    const inv = await live(tenant.id, "2024-04");
    await expect(voidInvoice(fin, inv.id, "Wrong plan")).rejects.toMatchObject({ code: "conflict" }); // draft
    const { number } = await finalizeInvoice(fin, inv.id, NOW);
    await expect(reissueInvoice(fin, inv.id)).rejects.toMatchObject({ code: "conflict" }); // not void yet
    await voidInvoice(fin, inv.id, "Customer disputed the plan");
    const voided = await db.invoice.findUniqueOrThrow({ where: { id: inv.id } });
    expect([voided.status, voided.voidReason, voided.number]).toEqual([
      "VOID",
      "Customer disputed the plan",
      number,
    ]);
    await expect(db.invoice.update({ where: { id: inv.id }, data: { status: "FINALIZED" } })).rejects.toThrow(
      REFUSED,
    );
    await expect(voidInvoice(fin, inv.id, "again")).rejects.toMatchObject({ code: "conflict" });
    const { id } = await reissueInvoice(fin, inv.id);
    const re = await getInvoice(fin, id);
    expect([re.status, re.reissueOfId, re.totalMinor, re.number]).toEqual([
      "DRAFT",
      inv.id,
      inv.totalMinor.toString(),
      null,
    ]);
    await expect(reissueInvoice(fin, inv.id)).rejects.toMatchObject({ code: "conflict" }); // already reissued
    expect((await getInvoice(fin, inv.id)).reissuedAs.map((x) => x.id)).toEqual([id]);
  });

  it("carries usage that arrives after finalization as an adjustment line on the next invoice", async () => {
    const { fin, tenant } = await setup("2024-05");
    await generateInvoices(fin, "2024-05", NOW);
    const may = await live(tenant.id, "2024-05");
    const { number } = await finalizeInvoice(fin, may.id, NOW);
    // Late data: 2,000 more requests on May 31: 3,100 → 5,100 requests, billable 4,100 at 0.1 cent = 410 instead
    // of 210 → +200.
    await insertUsage(tenant.id, ["2024-05-31"], 2000);
    await insertUsage(tenant.id, ["2024-06-01"], 500);
    await generateInvoices(fin, "2024-06", NOW);
    const june = await live(tenant.id, "2024-06");
    const adj = june.lines.filter((l) => l.kind === "ADJUSTMENT");
    expect(adj.map((l) => [l.quantity, l.amountMinor, l.adjustsInvoiceId])).toEqual([[2000n, 200n, may.id]]);
    expect(adj[0]?.description).toContain(number);
    // June: 500 requests, all included → base fee 1000 + adjustment 200.
    expect(june.totalMinor).toBe(1200n);
    // Once carried on a finalized invoice, it is not carried again.
    await finalizeInvoice(fin, june.id, NOW);
    await generateInvoices(fin, "2024-07", NOW);
    const july = await live(tenant.id, "2024-07");
    expect(july.lines.filter((l) => l.kind === "ADJUSTMENT")).toEqual([]);
  });

  it("prices a mid-month plan change by the days each version was in effect", async () => {
    const fin = await makeActor("finance");
    const tenant = await makeTenant();
    const plan = await createPricePlan(fin, {
      ...planInput,
      name: `Plan ${uid()}`,
      effectiveFrom: "2020-01-01",
    });
    await addPlanVersion(fin, { ...planInput, planId: plan.id, effectiveFrom: "2024-09-16", baseFee: 3000 });
    await expect(
      addPlanVersion(fin, { ...planInput, planId: plan.id, effectiveFrom: "2024-09-16" }),
    ).rejects.toMatchObject({ code: "conflict" });
    await assignPricePlan(fin, { tenantId: tenant.id, planId: plan.id, effectiveFrom: "2020-01-01" });
    await generateInvoices(fin, "2024-09", NOW);
    const inv = await live(tenant.id, "2024-09");
    // No usage. v1 days 1–15: 1000×15/30 = 500; v2 days 16–30: 3000×15/30 = 1500 → 2000.
    expect(inv.totalMinor).toBe(2000n);
    expect(new Set(inv.lines.map((l) => l.versionId)).size).toBe(2);
  });

  it("shows a partner only its own tenant's finalized invoices", async () => {
    const { fin, tenant } = await setup("2024-08");
    const other = await setup("2024-08");
    await generateInvoices(fin, "2024-08", NOW);
    const mine = await live(tenant.id, "2024-08");
    const theirs = await live(other.tenant.id, "2024-08");
    const partner = await makeActor("partner", tenant.id);
    expect((await listInvoices(partner)).rows.map((r) => r.id)).not.toContain(mine.id); // draft
    await finalizeInvoice(fin, mine.id, NOW);
    await finalizeInvoice(fin, theirs.id, NOW);
    const seen = (await listInvoices(partner)).rows.map((r) => r.id);
    expect(seen).toEqual([mine.id]);
    expect((await getInvoice(partner, mine.id)).lines.length).toBeGreaterThan(0);
    await expect(getInvoice(partner, theirs.id)).rejects.toMatchObject({ code: "not_found" });
    // Even asking for the other tenant by filter changes nothing.
    expect((await listInvoices(partner, { tenantId: other.tenant.id })).rows.map((r) => r.id)).toEqual([
      mine.id,
    ]);
    for (const role of ["operator", "partner"] as const) {
      const a = role === "partner" ? partner : await makeActor(role);
      await expect(voidInvoice(a, mine.id, "not mine")).rejects.toMatchObject({ code: "forbidden" });
      await expect(finalizeInvoice(a, theirs.id)).rejects.toMatchObject({ code: "forbidden" });
    }
  });

  it("the job finalizes last month's drafts on its own once the grace period (3 days) is over", async () => {
    const { tenant } = await setup("2024-10");
    const { finalizeDueInvoices } = await import("@/lib/invoices/finalize-due");
    const during = await finalizeDueInvoices(new Date("2024-11-03T23:59:00Z"));
    expect(during.generated).toBeGreaterThan(0); // it ran (no lease of its own any more: the scheduler holds the job's)
    const draft = await live(tenant.id, "2024-10"); // the job created the missing draft
    expect(draft.status).toBe("DRAFT");
    const after = await finalizeDueInvoices(new Date("2024-11-04T00:00:00Z"));
    const done = await db.invoice.findUniqueOrThrow({ where: { id: draft.id } });
    expect(done.status).toBe("FINALIZED");
    expect(after.finalized).toContain(done.number);
    expect(after.failed).toBe(0);
  });
});
