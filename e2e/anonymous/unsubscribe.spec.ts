import { expect, test } from "../fixtures";

// The unsubscribe link of an alert mail opens without a session; the token (after "#") is sent only on the click,
// and one not signed by this server is refused in words, changing nothing.
test("the unsubscribe page needs no login and refuses a forged token", async ({ page }) => {
  await page.goto("/unsubscribe#Zm9yZ2VkOnF1b3Rh.forged-signature-forged-signature");
  await expect(page).toHaveURL(/\/unsubscribe/);
  await expect(page.getByRole("heading", { name: "Stop e-mail alerts" })).toBeVisible();
  await page.getByRole("button", { name: "Stop these alerts" }).click();
  await expect(page.getByTestId("unsubscribe-error")).toContainText("not valid");
  // The token left the address bar once it was read.
  expect(new URL(page.url()).hash).toBe("");
});
