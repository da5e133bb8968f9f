import { expect, test } from "../fixtures";
import { E2E } from "../env";
import { formAlert, signIn } from "../helpers";
import { userFor } from "../users";

// All specs share 127.0.0.1: the throttle locks (account, address) first, so this spec's account does not lock out
// the others' (X-Forwarded-For is ignored: TRUSTED_PROXIES is 0).

test("pages need a session", async ({ page }) => {
  await page.goto("/ops/tenants");
  await expect(page).toHaveURL(/\/login\?next=%2Fops%2Ftenants$/);
});

test("signing in returns to the page asked for, and only to this console's own paths", async ({ page }) => {
  await page.goto("/ops/keys?status=DISABLED");
  await expect(page).toHaveURL(/\/login\?next=%2Fops%2Fkeys%3Fstatus%3DDISABLED$/);
  await expect(page.getByTestId("sign-in-next")).toContainText("/ops/keys?status=DISABLED");
  await page.getByLabel("Email").fill(userFor("operator").email);
  await page.getByLabel("Password").fill(E2E.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/ops\/keys\?status=DISABLED$/);
  await expect(page.getByLabel("Status")).toHaveValue("DISABLED");

  // Another origin (or a protocol-relative one) is never followed: the role's home instead.
  await page.context().clearCookies();
  for (const next of ["//evil.example/ops", "https://evil.example/ops", "/\\evil.example"]) {
    await page.goto(`/login?${new URLSearchParams({ next })}`);
    await expect(page.getByTestId("sign-in-next")).toHaveCount(0);
  }
  await page.getByLabel("Email").fill(userFor("finance").email);
  await page.getByLabel("Password").fill(E2E.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/finance$/);
});

test("error pages answer with their status: 404 for an unknown page, 403 for /forbidden", async ({
  page,
}) => {
  const res = await page.goto("/forbidden");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: /403/ })).toBeVisible();
  expect((await page.request.get("/no-such-page")).status()).toBe(404);
});

test("a wrong password is refused; six in a row are throttled with a clear message", async ({ page }) => {
  for (let i = 1; i <= 5; i++) {
    await signIn(page, "throttle@e2e.test", `wrong-password-${i}`);
    await expect(formAlert(page)).toContainText("The email or password is incorrect.");
  }
  await signIn(page, "throttle@e2e.test", "wrong-password-6");
  await expect(formAlert(page)).toContainText(/Too many failed sign-in attempts.*try again in \d+ seconds/);
  // Even the right password is refused until the window passes.
  await signIn(page, "throttle@e2e.test");
  await expect(formAlert(page)).toContainText("Too many failed sign-in attempts");
});

test("the sign-in form refuses empty fields at the field", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Enter an email address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
});
