import { expect, test } from "../fixtures";
import { expectRefused, freshPage, navLabels, signIn } from "../helpers";

test("admin sees operations, administration and finance, but not the partner portal", async ({ page }) => {
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
    "Users",
    "Outbox",
    "API tokens",
    "Reports",
    "Invoices",
    "Price plans",
    "Cost & margin",
  ]);
  await expectRefused(page, "/partner");
});

test("the user menu names the role and signs out", async ({ browser }) => {
  // A fresh login, so signing out does not end the saved session other admin specs use.
  const page = await freshPage(browser);
  await signIn(page, "admin@e2e.test");
  await expect(page).toHaveURL(/\/ops$/);
  await page.getByRole("button", { name: /Account menu/ }).click();
  await expect(page.getByTestId("user-role")).toHaveText("admin");
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/ops");
  await expect(page).toHaveURL(/\/login\?next=%2Fops$/);
});
