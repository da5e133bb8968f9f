import { sweep } from "../a11y";
import { test } from "../fixtures";
import { seedPartnerData } from "../partner-fixtures";

// Issue 15 item 16: axe-core finds no serious or critical violation on any finance page, light or dark.
// Named to run after invoices.spec.ts (Playwright orders files by name): its seeded finalized invoice for last month
// would otherwise change what that flow's "Generate invoices" creates.
test("finance pages have no serious or critical accessibility violations", async ({ page }) => {
  test.setTimeout(300_000);
  const { invoiceId } = await seedPartnerData("E2E Globex");
  await sweep(page, [
    { path: "/finance", heading: /./ },
    { path: "/finance/invoices", heading: "Invoices" },
    { path: `/finance/invoices/${invoiceId}`, heading: "INV-E2E" },
    { path: `/print/invoices/${invoiceId}`, heading: "INV-E2E" },
    { path: "/finance/price-plans", heading: /price plans/i },
    { path: "/finance/costs", heading: /./ },
  ]);
});
