import { expect, test } from "../fixtures";

test("another tenant's or an unknown invoice is a 404, a refused page a 403, not a 200 error page", async ({
  page,
}) => {
  const res = await page.goto("/partner/invoices/xyz");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

  // A staff page sends the partner to /forbidden, which answers 403.
  await page.goto("/ops/tenants");
  await expect(page).toHaveURL(/\/forbidden$/);
  expect((await page.request.get("/forbidden")).status()).toBe(403);
  await expect(page.getByRole("heading", { name: /403/ })).toBeVisible();
});
