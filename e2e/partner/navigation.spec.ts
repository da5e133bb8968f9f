import { expect, test } from "../fixtures";
import { expectRefused, navLabels } from "../helpers";

test("partner sees its tenant's portal and is refused staff pages", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/partner$/);
  expect(await navLabels(page)).toEqual(["Keys", "APIs", "Usage", "Plan", "Invoices"]);
  await expect(page.getByText("E2E Acme").first()).toBeVisible();
  for (const path of [
    "/ops",
    "/ops/tenants",
    "/ops/audit",
    "/ops/users",
    "/finance",
    "/finance/price-plans",
  ]) {
    await expectRefused(page, path);
  }
});
