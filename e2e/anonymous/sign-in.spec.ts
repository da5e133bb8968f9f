import { expect, test } from "../fixtures";
import { formAlert, signIn } from "../helpers";

// All specs share 127.0.0.1: the throttle locks (account, address) first, so this spec's account does not lock out
// the others' (X-Forwarded-For is ignored: TRUSTED_PROXIES is 0).

test("pages need a session", async ({ page }) => {
  await page.goto("/ops/tenants");
  await expect(page).toHaveURL(/\/login$/);
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
