import { expect, test, type Browser, type Page } from "../fixtures";
import { formAlert, freshPage, signIn } from "../helpers";

// Issue 15 item 19: the outbox's links are links, revoked invitations look revoked, the mail names the tenant;
// admins resend an invitation (a new link shown once, the old one dead), change a user's role and issue a
// password-reset link; "forgot password" without SMTP says to ask an admin.

const PASSWORD = "a-strong-new-password";

async function invite(page: Page, email: string, role: string, tenant?: string): Promise<void> {
  await page.goto("/ops/users");
  await page.getByRole("button", { name: "Invite user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Role").selectOption(role);
  if (tenant) await dialog.getByLabel("Tenant").selectOption({ label: tenant });
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(/Invitation created/)).toBeVisible();
}

async function acceptAndSignIn(browser: Browser, path: string, email: string): Promise<Page> {
  const other = await freshPage(browser);
  await other.goto(path);
  await other.getByLabel("Your name").fill("Invited Person");
  await other.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await other.getByLabel("Repeat password").fill(PASSWORD);
  await other.getByRole("button", { name: "Create account" }).click();
  await expect(other).toHaveURL(/\/login$/);
  await signIn(other, email, PASSWORD);
  return other;
}

test("outbox links, tenant in the mail, resend with a new link shown once, revoked looks revoked", async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  const email = `resend-${Date.now()}@e2e.test`;
  await invite(page, email, "partner", "E2E Acme");

  // The mail names the tenant; its link is a real link.
  await page.goto("/ops/outbox");
  const mail = page.getByTestId("outbox-mail").filter({ hasText: email }).first();
  await expect(mail).toContainText("E2E Acme");
  const first = mail.getByTestId("outbox-link").getByRole("link");
  const firstHref = (await first.getAttribute("href"))!;
  expect(firstHref).toMatch(/\/invite\/[\w-]+$/);

  // Resend: a new link, shown once with a copy button; the old link stops working.
  await page.goto("/ops/users");
  const row = page.getByTestId(`invitation-row-${email}`).first();
  await row.getByRole("button", { name: `Resend invitation to ${email}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Resend invitation" }).click();
  const shown = page.getByRole("dialog").getByTestId("secret-link");
  const secondLink = (await shown.innerText()).trim();
  expect(secondLink).toMatch(/\/invite\/[\w-]+$/);
  expect(secondLink).not.toBe(firstHref);
  await expect(page.getByRole("dialog").getByRole("button", { name: "Copy the link" })).toBeVisible();
  await page.getByRole("button", { name: "I have copied it" }).click();
  await page.reload();
  expect(await page.content()).not.toContain(new URL(secondLink).pathname);

  const old = await freshPage(browser);
  await old.goto(new URL(firstHref).pathname);
  await expect(old.getByTestId("invitation-error")).toContainText("withdrawn");
  await old.goto(new URL(secondLink).pathname);
  await expect(old.getByText("for E2E Acme")).toBeVisible();
  await old.context().close();

  // The replaced invitation reads as revoked, the new one as pending.
  const rows = page.getByTestId(`invitation-row-${email}`);
  await expect(rows.and(page.locator('[data-status="revoked"]'))).toHaveCount(1);
  await expect(rows.and(page.locator('[data-status="pending"]'))).toHaveCount(1);
  await expect(rows.and(page.locator('[data-status="revoked"]')).getByText("Revoked")).toBeVisible();
});

test("admin changes a user's role and issues a password-reset link that works once", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const email = `role-${Date.now()}@e2e.test`;
  await invite(page, email, "operator");
  await page.goto("/ops/outbox");
  const link = await page
    .getByTestId("outbox-mail")
    .filter({ hasText: email })
    .first()
    .getByTestId("outbox-link")
    .locator("code")
    .innerText();
  const other = await acceptAndSignIn(browser, new URL(link).pathname, email);
  await expect(other).toHaveURL(/\/ops$/);

  // Change role to finance: the open session ends; signing in again lands on the finance pages.
  await page.goto("/ops/users");
  const row = page.getByTestId(`user-row-${email}`);
  await row.getByRole("button", { name: `Change role of ${email}` }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Role").selectOption("finance");
  await dialog.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByText(`${email} is now finance.`)).toBeVisible();
  await expect(row.getByText("finance", { exact: true })).toBeVisible();
  await other.goto("/ops/tenants");
  await expect(other).toHaveURL(/\/login\?next=%2Fops%2Ftenants$/);
  await signIn(other, email, PASSWORD);
  await expect(other).toHaveURL(/\/finance$/);
  await other.context().close();

  // Issue a reset link: shown once; it sets a new password once; the old password stops working.
  await row.getByRole("button", { name: `Reset password of ${email}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Issue link" }).click();
  const resetLink = (await page.getByRole("dialog").getByTestId("secret-link").innerText()).trim();
  expect(resetLink).toMatch(/\/reset-password\?token=[\w-]+$/);
  await page.getByRole("button", { name: "I have copied it" }).click();

  const reset = await freshPage(browser);
  const resetPath = new URL(resetLink).pathname + new URL(resetLink).search;
  await reset.goto(resetPath);
  await reset.getByLabel("New password").fill("another-strong-password");
  await reset.getByLabel("Repeat password").fill("another-strong-password");
  await reset.getByRole("button", { name: "Set password" }).click();
  await expect(reset).toHaveURL(/\/login$/);
  await signIn(reset, email, PASSWORD);
  await expect(formAlert(reset)).toBeVisible();
  await signIn(reset, email, "another-strong-password");
  await expect(reset).toHaveURL(/\/finance$/);

  // The link is single-use.
  const again = await freshPage(browser);
  await again.goto(resetPath);
  await again.getByLabel("New password").fill("yet-another-password-1");
  await again.getByLabel("Repeat password").fill("yet-another-password-1");
  await again.getByRole("button", { name: "Set password" }).click();
  await expect(formAlert(again)).toContainText("not valid any more");
  await again.context().close();
  await reset.context().close();
});

test("forgot password without SMTP says to ask an admin", async ({ browser }) => {
  const anon = await freshPage(browser);
  await anon.goto("/login");
  await anon.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(anon).toHaveURL(/\/forgot-password$/);
  await expect(anon.getByTestId("ask-admin")).toContainText("Ask an administrator");
  await anon.context().close();
});
