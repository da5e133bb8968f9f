import { sweep } from "../a11y";
import { test } from "../fixtures";
import { seedPartnerData } from "../partner-fixtures";

// Issue 15 item 16: axe-core finds no serious or critical violation on any partner page, light or dark.
test("partner pages have no serious or critical accessibility violations", async ({ page }) => {
  test.setTimeout(300_000);
  const { invoiceId } = await seedPartnerData("E2E Acme");
  await sweep(page, [
    { path: "/partner", heading: "API keys" },
    { path: "/partner/apis", heading: /./ },
    { path: "/partner/tokens", heading: /./ },
    { path: "/partner/team", heading: /./ },
    { path: "/partner/alerts", heading: /./ },
    { path: "/partner/usage", heading: "Usage" },
    { path: "/partner/plan", heading: "Your plan" },
    { path: "/partner/invoices", heading: "Invoices" },
    { path: `/partner/invoices/${invoiceId}`, heading: "INV-E2E" },
    { path: `/print/invoices/${invoiceId}`, heading: "INV-E2E" },
  ]);
});
