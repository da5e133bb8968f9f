import { describe, expect, it } from "vitest";
import { makeActor, makeTenant } from "@/test/fixtures";
import { db } from "./client";
import { markInvoicePaid, markInvoiceUnpaid } from "./invoice-payments";

async function finalizedInvoice(): Promise<string> {
  const tenant = await makeTenant();
  const inv = await db.invoice.create({
    data: { tenantId: tenant.id, month: "2026-01", currency: "USD", requests: 10n, totalMinor: 1035n },
  });
  await db.invoice.update({
    where: { id: inv.id },
    data: {
      status: "FINALIZED",
      number: `INV-T-${inv.id}`,
      finalizedAt: new Date("2026-02-03T10:00:00Z"),
      dueOn: "2026-03-05",
      taxMinor: 207n,
      issuer: JSON.stringify({ name: "Example API Ltd" }),
    },
  });
  return inv.id;
}

describe("invoice payments", () => {
  it("marks a finalized invoice paid and unpaid without touching the invoice row", async () => {
    const finance = await makeActor("finance");
    const id = await finalizedInvoice();
    const before = await db.invoice.findUniqueOrThrow({ where: { id } });
    expect(
      await markInvoicePaid(finance, { invoiceId: id, paidOn: "2026-02-20", note: "bank ref 123" }),
    ).toMatchObject({ paidOn: "2026-02-20" });
    await expect(
      markInvoicePaid(finance, { invoiceId: id, paidOn: "2026-02-21", note: null }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await db.invoicePayment.findUniqueOrThrow({ where: { invoiceId: id } })).toMatchObject({
      paidOn: "2026-02-20",
      note: "bank ref 123",
      recordedById: finance.id,
    });
    expect(await markInvoiceUnpaid(finance, id)).toEqual({ paidOn: "2026-02-20" });
    expect(await db.invoicePayment.count({ where: { invoiceId: id } })).toBe(0);
    expect(await db.invoice.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });

  it("refuses drafts, unknown invoices, a day before issue, and non-finance roles", async () => {
    const finance = await makeActor("finance");
    const tenant = await makeTenant();
    const draft = await db.invoice.create({
      data: { tenantId: tenant.id, month: "2026-01", currency: "USD", requests: 0n, totalMinor: 0n },
    });
    await expect(
      markInvoicePaid(finance, { invoiceId: draft.id, paidOn: "2026-02-20", note: null }),
    ).rejects.toMatchObject({
      code: "invalid",
    });
    await expect(
      markInvoicePaid(finance, { invoiceId: "nope", paidOn: "2026-02-20", note: null }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    const id = await finalizedInvoice();
    await expect(
      markInvoicePaid(finance, { invoiceId: id, paidOn: "2026-02-01", note: null }),
    ).rejects.toMatchObject({
      code: "invalid",
    });
    await expect(
      markInvoicePaid(await makeActor("operator"), { invoiceId: id, paidOn: "2026-02-20", note: null }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("the database refuses changing a finalized invoice's due day, tax or issuer (triggers)", async () => {
    const id = await finalizedInvoice();
    for (const data of [{ dueOn: "2027-01-01" }, { taxMinor: 0n }, { issuer: "{}" }])
      await expect(db.invoice.update({ where: { id }, data })).rejects.toThrow();
    expect(await db.invoice.findUniqueOrThrow({ where: { id } })).toMatchObject({
      dueOn: "2026-03-05",
      taxMinor: 207n,
    });
  });
});
