import { expect, test } from "../fixtures";
import { expectRefused, navLabels } from "../helpers";

test("operator sees the operator navigation and is refused other roles' pages", async ({ page }) => {
  test.setTimeout(60_000); // many page loads, on a shared machine
  await page.goto("/");
  await expect(page).toHaveURL(/\/ops$/);
  expect(await navLabels(page)).toEqual([
    "Overview",
    "APIs",
    "Usage plans",
    "Tenants",
    "Plan requests",
    "API keys",
    "Metrics",
    "Rollouts",
    "Drift",
    "Developer portal",
    "Audit",
    "Automation API",
  ]);
  for (const path of [
    "/ops/users",
    "/ops/outbox",
    "/ops/tokens",
    "/partner/tokens",
    "/finance",
    "/finance/invoices",
    "/partner",
    "/partner/usage",
    "/partner/team",
    "/partner/alerts",
  ]) {
    await expectRefused(page, path);
  }
});
