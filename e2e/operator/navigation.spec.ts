import { expect, test } from "../fixtures";
import { expectRefused, navLabels } from "../helpers";

test("operator sees the operator navigation and is refused other roles' pages", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/ops$/);
  expect(await navLabels(page)).toEqual([
    "Overview",
    "APIs",
    "Usage plans",
    "Tenants",
    "API keys",
    "Metrics",
    "Rollouts",
    "Drift",
    "Developer portal",
    "Audit",
  ]);
  for (const path of [
    "/ops/users",
    "/ops/outbox",
    "/finance",
    "/finance/invoices",
    "/partner",
    "/partner/usage",
  ]) {
    await expectRefused(page, path);
  }
});
