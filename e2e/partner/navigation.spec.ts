import { expect, test } from "../fixtures";
import { expectRefused, navLabels } from "../helpers";

test("partner sees its tenant's portal and is refused staff pages", async ({ page }) => {
  test.setTimeout(60_000); // many page loads, on a shared machine
  await page.goto("/");
  await expect(page).toHaveURL(/\/partner$/);
  expect(await navLabels(page)).toEqual([
    "Keys",
    "APIs",
    "Usage",
    "Plan",
    "Invoices",
    "API tokens",
    "Team",
    "Alerts",
  ]);
  await expect(page.getByText("E2E Acme").first()).toBeVisible();
  for (const path of [
    "/ops",
    "/ops/tenants",
    "/ops/audit",
    "/ops/users",
    "/ops/plan-requests",
    "/finance",
    "/finance/price-plans",
  ]) {
    await expectRefused(page, path);
  }
});
