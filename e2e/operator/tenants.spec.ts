import { expect, test } from "../fixtures";
import { formAlert, freshPage, signIn, unique } from "../helpers";

test("create, rename, and refuse bad or duplicate names at the field", async ({ page }) => {
  const name = unique("Tenant");
  await page.goto("/ops/tenants");
  await page.getByRole("button", { name: "New tenant" }).first().click();
  const dialog = page.getByRole("dialog");
  const submit = dialog.getByRole("button", { name: "Create tenant" });
  await submit.click();
  await expect(dialog.getByText("A tenant name has at least 2 characters.")).toBeVisible();
  await dialog.getByLabel("Name").fill("x".repeat(81));
  await submit.click();
  await expect(dialog.getByText("A tenant name has at most 80 characters.")).toBeVisible();
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Billing email").fill("nope");
  await submit.click();
  await expect(dialog.getByText(/Enter a valid email address/)).toBeVisible();
  await dialog.getByLabel("Billing email").fill("billing@example.com");
  await submit.click();
  await expect(page.getByText(`Tenant ${name} created.`)).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toHaveCount(1);

  // Duplicate (case-insensitive) is refused at the field and writes nothing.
  await page.getByRole("button", { name: "New tenant" }).first().click();
  await dialog.getByLabel("Name").fill(name.toUpperCase());
  await dialog.getByRole("button", { name: "Create tenant" }).click();
  await expect(dialog.getByText("A tenant with this name already exists.")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: new RegExp(name, "i") })).toHaveCount(1);

  await row.getByRole("button", { name: "Rename" }).click();
  await page.getByRole("dialog").getByLabel("New name").fill(`${name} Renamed`);
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("row").filter({ hasText: `${name} Renamed` })).toHaveCount(1);

  // Every change is in the audit trail.
  await page.goto(`/ops/audit?action=tenant.`);
  await expect(page.getByRole("cell", { name: "tenant.rename" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "tenant.create" }).first()).toBeVisible();
});

test("suspending a tenant keeps its partners out until it is reinstated", async ({ page, browser }) => {
  await page.goto("/ops/tenants?q=E2E Globex");
  const row = page.getByRole("row").filter({ hasText: "E2E Globex" });
  await row.getByRole("button", { name: "Suspend" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Suspend tenant" }).click();
  await expect(row.getByText("Suspended")).toBeVisible();

  const partner = await freshPage(browser);
  await signIn(partner, "globex@e2e.test");
  await expect(formAlert(partner)).toContainText("suspended");

  await row.getByRole("button", { name: "Reinstate" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Reinstate tenant" }).click();
  await expect(row.getByText("Active")).toBeVisible();
  await signIn(partner, "globex@e2e.test");
  await expect(partner).toHaveURL(/\/partner$/);
});

test("the audit trail filters and pages on the server", async ({ page }) => {
  await page.goto("/ops/audit");
  await page.getByLabel("Action (prefix)").fill("tenant.create");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=tenant.create/);
  const cells = page.getByRole("cell", { name: "tenant.create" });
  await expect(cells.first()).toBeVisible();
  // Sign-ins name users and roles (admin-only): an operator's audit trail does not show them.
  await page.getByLabel("Action (prefix)").fill("auth.sign-in");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No audit events match")).toBeVisible();
  await page.getByLabel("Action (prefix)").fill("tenant.create");
  await page.getByLabel("Actor email").fill("nobody-matches@e2e.test");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No audit events match")).toBeVisible();
});
