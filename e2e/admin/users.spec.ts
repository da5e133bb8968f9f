import { expect, test, type Browser, type Page } from "../fixtures";
import { formAlert, freshPage, signIn } from "../helpers";

const NEW_PASSWORD = "a-strong-new-password";

async function inviteAndReadLink(page: Page, email: string, role: string, tenant?: string): Promise<string> {
  await page.goto("/ops/users");
  await page.getByRole("button", { name: "Invite user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Role").selectOption(role);
  if (tenant) await dialog.getByLabel("Tenant").selectOption({ label: tenant });
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(/Invitation created/)).toBeVisible();
  await page.goto("/ops/outbox");
  const mail = page.getByTestId("outbox-mail").filter({ hasText: email }).first();
  const link = await mail.getByTestId("outbox-link").locator("code").innerText();
  expect(link, "the outbox shows the pending invitation's link").toMatch(/\/invite\/[\w-]+$/);
  return new URL(link).pathname;
}

async function accept(browser: Browser, path: string): Promise<Page> {
  const page = await freshPage(browser);
  await page.goto(path);
  await page.getByLabel("Your name").fill("Invited Person");
  await page.getByLabel("Password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Repeat password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/login$/);
  return page;
}

test("an invited operator sets a password once; the link is then refused; disabling ends the open session", async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  const email = `invited-${Date.now()}@e2e.test`;
  const path = await inviteAndReadLink(page, email, "operator");
  const other = await accept(browser, path);
  await signIn(other, email, NEW_PASSWORD);
  await expect(other).toHaveURL(/\/ops$/);

  // The link is single-use.
  const again = await freshPage(browser);
  await again.goto(path);
  await expect(again.getByTestId("invitation-error")).toContainText("already been used");

  // Disable: the invited user's open session stops working on its next request.
  await page.goto("/ops/users");
  const row = page.getByTestId(`user-row-${email}`);
  await row.getByRole("button", { name: "Disable" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Disable user" }).click();
  await expect(row.getByText("Disabled")).toBeVisible();
  await other.goto("/ops/tenants");
  // Sent to sign-in (which would return to the page asked for) and told why the session ended.
  await expect(other).toHaveURL(/\/login\?next=%2Fops%2Ftenants$/);
  await expect(other.getByTestId("signed-out-reason")).toContainText("your account was disabled");
  await signIn(other, email, NEW_PASSWORD);
  await expect(formAlert(other)).toContainText("disabled");
});

test("a partner invitation needs a tenant and lands the partner in that tenant's portal", async ({
  page,
  browser,
}) => {
  const email = `partner-${Date.now()}@e2e.test`;
  await page.goto("/ops/users");
  await page.getByRole("button", { name: "Invite user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Role").selectOption("partner");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog.getByText("Choose the partner's tenant.")).toBeVisible();
  await page.keyboard.press("Escape");
  const path = await inviteAndReadLink(page, email, "partner", "E2E Globex");
  const partner = await accept(browser, path);
  await signIn(partner, email, NEW_PASSWORD);
  await expect(partner).toHaveURL(/\/partner$/);
  await expect(partner.getByText("E2E Globex").first()).toBeVisible();
});

test("the invite form refuses bad input at the field and writes nothing", async ({ page }) => {
  await page.goto("/ops/users");
  // count() does not wait: let the users table render before taking the baseline.
  await expect(page.getByTestId("user-row-admin@e2e.test")).toBeVisible();
  const before = await page.getByRole("row").count();
  await page.getByRole("button", { name: "Invite user" }).click();
  const dialog = page.getByRole("dialog");
  const submit = dialog.getByRole("button", { name: "Send invitation" });
  await submit.click();
  await expect(dialog.getByText("Enter an email address.")).toBeVisible();
  await dialog.getByLabel("Email").fill("not-an-email");
  await submit.click();
  await expect(dialog.getByText(/Enter a valid email address/)).toBeVisible();
  await dialog.getByLabel("Email").fill(`${"x".repeat(250)}@e2e.test`);
  await submit.click();
  await expect(dialog.getByText(/at most 254 characters/)).toBeVisible();
  await dialog.getByLabel("Email").fill("operator@e2e.test");
  await submit.click();
  await expect(dialog.getByText("A user with this email already exists.")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.reload();
  // Auto-waiting: count() right after reload could read the page before the table rendered.
  await expect(page.getByRole("row")).toHaveCount(before);
});

test("an expired invitation link is refused with a clear message", async ({ page }) => {
  await page.goto("/invite/this-token-does-not-exist-000000");
  await expect(page.getByTestId("invitation-error")).toContainText("not valid");
});
