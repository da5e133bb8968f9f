import { expect, test } from "../fixtures";
import { expectRefused, navLabels } from "../helpers";

test("finance sees the finance navigation and is refused other roles' pages", async ({ page }) => {
  test.setTimeout(60_000); // seven full page loads
  await page.goto("/");
  await expect(page).toHaveURL(/\/finance$/);
  expect(await navLabels(page)).toEqual(["Reports", "Invoices", "Price plans", "Cost & margin"]);
  for (const path of ["/ops", "/ops/tenants", "/ops/audit", "/ops/users", "/partner", "/partner/invoices"]) {
    await expectRefused(page, path);
  }
});
