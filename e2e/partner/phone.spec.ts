import { expect, test } from "../fixtures";
import { DESKTOP, expectNoSidewaysScroll, PHONE, shot } from "../layout";
import { seedPartnerData } from "../partner-fixtures";

// Issue 15 item 15: every partner page works on a 390 px phone without sideways scrolling — tables become stacked
// cards, row actions stay on screen. The same pages at desktop width keep their tables.

let ids: { keyId: string; invoiceId: string };
test.beforeAll(async () => {
  ids = await seedPartnerData("E2E Acme");
});

const pages = () => [
  { name: "keys", path: "/partner", ready: "API keys" },
  { name: "usage", path: "/partner/usage", ready: "Usage" },
  { name: "plan", path: "/partner/plan", ready: "Your plan" },
  { name: "invoices", path: "/partner/invoices", ready: "Invoices" },
  { name: "invoice", path: `/partner/invoices/${ids.invoiceId}`, ready: "INV-E2E" },
  { name: "invoice-print", path: `/print/invoices/${ids.invoiceId}`, ready: "INV-E2E" },
];

test("every partner page fits a 390 px phone: no element past the right edge, row actions on screen", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize(PHONE);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const p of pages()) {
      await page.goto(p.path);
      await expect(page.getByRole("heading", { level: 1 }).first()).toContainText(p.ready);
      await expectNoSidewaysScroll(page, `${p.path} (${scheme})`);
      await shot(page, `partner-${p.name}-390-${scheme}`);
    }
  }
  await page.emulateMedia({ colorScheme: "light" });

  // The key's row is a card: its actions are visible and inside the screen, and say which key they act on.
  await page.goto("/partner");
  const row = page.getByTestId(`key-${ids.keyId}`);
  const revoke = row.getByRole("button", { name: new RegExp(`^Revoke key .*\\(${ids.keyId}\\)$`) });
  await revoke.scrollIntoViewIfNeeded();
  await expect(revoke).toBeInViewport({ ratio: 1 });
  await expect(row.getByRole("button", { name: /^Rotate key / })).toBeInViewport({ ratio: 1 });
  // The stacked card still reads as a table row with named cells.
  await expect(page.getByRole("table", { name: "Your organisation's API keys" })).toBeVisible();
  await expect(row.getByRole("cell", { name: /^Checkout service production/ })).toBeVisible();

  // The invoice's Amount column and total are on screen.
  await page.goto(`/partner/invoices/${ids.invoiceId}`);
  // (below the fold on a phone: scrolled to vertically, it must then be wholly on screen, i.e. not cut off sideways)
  await page.getByTestId("invoice-total").scrollIntoViewIfNeeded();
  await expect(page.getByTestId("invoice-total")).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId("invoice-total")).toHaveText("$12,345.67");

  // The rotate dialog and the menu fit too.
  await page.goto("/partner");
  await row.getByRole("button", { name: /^Rotate key / }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectNoSidewaysScroll(page, "rotate dialog");
  await shot(page, "partner-rotate-dialog-390-light");
  await page.keyboard.press("Escape");
  await page.getByText("Menu", { exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).first()).toBeVisible();
  await expectNoSidewaysScroll(page, "open menu");
});

test("at desktop width the partner lists are tables with a header row", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize(DESKTOP);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const p of pages()) {
      await page.goto(p.path);
      await expect(page.getByRole("heading", { level: 1 }).first()).toContainText(p.ready);
      await expectNoSidewaysScroll(page, `${p.path} (${scheme}, desktop)`);
      await shot(page, `partner-${p.name}-1366-${scheme}`);
    }
  }
  await page.goto("/partner");
  await expect(page.getByRole("columnheader", { name: "Actions" })).toBeVisible();
  await page.goto(`/partner/invoices/${ids.invoiceId}`);
  await expect(page.getByRole("columnheader", { name: "Amount" })).toBeVisible();
});
