import { expect, test, type Page } from "../fixtures";
import { freshPage, signIn, unique } from "../helpers";

// The acceptance path against the Local Gateway: plan + subscription (operator), key created and shown once
// (partner), data plane 200/403/429, usage after a sync, and a 1-hour rotation grace that ends when the
// test-controlled clock passes it.

async function call(url: string, key?: string): Promise<number> {
  const res = await fetch(url, key ? { headers: { "x-api-key": key } } : {});
  return res.status;
}

async function createKey(partner: Page, label: string): Promise<string> {
  await partner.goto("/partner");
  await partner.getByRole("button", { name: "New key" }).click();
  const dialog = partner.getByRole("dialog");
  await dialog.getByLabel("Label").fill(label);
  await dialog.getByLabel("Environment").selectOption("test");
  await dialog.getByRole("button", { name: "Create key" }).click();
  const value = (await dialog.getByTestId("key-value").innerText()).trim();
  expect(value.length).toBeGreaterThan(20);
  await expect(dialog.getByText("This is the only time Tollgate shows it")).toBeVisible();
  await dialog.getByRole("button", { name: "I have copied it" }).click();
  return value;
}

test("plan, subscription, key shown once, 200/403/429, synced usage, rotation grace ends with the clock", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const planName = unique("Plan");
  // Operator: create a plan covering payments/prod with a quota of 5 requests a day.
  await page.goto("/ops/usage-plans");
  await page.getByRole("button", { name: "New plan" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(planName);
  await dialog.getByLabel("Rate (requests/second)").fill("50");
  await dialog.getByLabel("Burst").fill("100");
  await dialog.getByLabel("Quota (requests)").fill("5");
  await dialog.getByLabel("Quota period").selectOption("DAY");
  await dialog.getByLabel("payments · prod").check();
  await dialog.getByRole("button", { name: "Create plan" }).click();
  await expect(page.getByText(`Plan ${planName} created.`)).toBeVisible();
  const card = page.getByTestId(`plan-${planName}`);
  await card.getByLabel(`Tenant to subscribe to ${planName}`).selectOption({ label: "E2E Acme" });
  await card.getByRole("button", { name: "Subscribe" }).click();
  await expect(card.getByText("E2E Acme", { exact: true })).toBeVisible();

  // Partner: create a key; its value is shown once and never again.
  const partner = await freshPage(browser);
  await signIn(partner, "partner@e2e.test");
  await expect(partner).toHaveURL(/\/partner$/);
  const keyLabel = unique("Checkout");
  const keyA = await createKey(partner, keyLabel);
  await partner.reload();
  expect(await partner.content()).not.toContain(keyA);

  // The Plan page's curl example calls a real resource of the API (issue 15 item 9): its URL works as shown.
  await partner.goto("/partner/plan");
  const curl = await partner.locator("code", { hasText: "/prod/" }).first().innerText();
  expect(curl).toMatch(/^curl -H "x-api-key: \$API_KEY" "http:\/\/\S+\/prod\/_user_request_\/\S+"$/);
  const url = /"(http:\/\/[^"]+)"/.exec(curl)![1]!;
  expect(url).not.toMatch(/_user_request_\/$/);

  expect(await call(url, keyA)).toBe(200);
  expect(await call(url)).toBe(403);

  // Rotate with a 1-hour grace: both keys work.
  await partner.goto("/partner");
  await partner.getByRole("button", { name: "Rotate" }).first().click();
  const rot = partner.getByRole("dialog");
  await rot.getByLabel("Old key keeps working for").selectOption("1h");
  await rot.getByRole("button", { name: "Rotate key" }).click();
  const keyB = (await rot.getByTestId("key-value").innerText()).trim();
  expect(keyB).not.toBe(keyA);
  await rot.getByRole("button", { name: "I have copied it" }).click();
  await expect(partner.getByText(/Stops in 59m|Stops in 1h/).first()).toBeVisible();
  await expect(partner.getByRole("heading", { name: "Rotation history" })).toBeVisible();
  expect(await call(url, keyA)).toBe(200);
  expect(await call(url, keyB)).toBe(200);

  // Before the window ends, the rotation job leaves the old key alone.
  const job = (name: string) => page.request.post("/api/test-hooks/jobs", { data: { job: name } });
  expect((await job("rotation-expiry")).ok()).toBe(true);
  expect(await call(url, keyA)).toBe(200);

  // Move Tollgate's clock past the grace window and run the rotation job: the old key is gone.
  expect((await page.request.post("/api/test-hooks/clock", { data: { advanceMs: 61 * 60_000 } })).ok()).toBe(
    true,
  );
  expect((await job("rotation-expiry")).ok()).toBe(true);
  expect(await call(url, keyA)).toBe(403);
  expect(await call(url, keyB)).toBe(200);

  // Past the quota (5 a day per key): 429 Limit Exceeded.
  let okB = 2;
  let last = 200;
  for (let i = 0; i < 10 && last === 200; i++) {
    last = await call(url, keyB);
    if (last === 200) okB++;
  }
  expect(last).toBe(429);
  expect(okB).toBe(5);
  const res = await fetch(url, { headers: { "x-api-key": keyB } });
  expect(res.status).toBe(429);
  expect(await res.text()).toContain("Limit Exceeded");

  // After a sync the partner sees those requests (4 with key A — the Plan page example's call included —, 5 with
  // key B), and when data was synced.
  expect((await job("usage-sync")).ok()).toBe(true);
  await partner.goto("/partner/usage");
  await expect(partner.getByTestId("last-synced")).toContainText("Data last synced");
  await expect(partner.getByTestId("total-90")).toContainText("9");
  await expect(partner.getByText("Quota used up")).toBeVisible();
  await partner.context().close();

  // Operator: "Sync now" shows progress then the time of the last sync; the keys overview lists the tenant's keys.
  await page.goto("/ops/usage-plans");
  const status = page.getByTestId("sync-status");
  await expect(status).toContainText("Last synced");
  const before = await status.innerText();
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(status).not.toHaveText(before);
  await expect(status).toContainText("Last synced");
  await page.goto(`/ops/keys?q=${encodeURIComponent(keyLabel)}`);
  await expect(page.getByTestId("key-total")).toHaveText("1 key");
  await expect(page.getByRole("row").filter({ hasText: "E2E Acme" })).toHaveCount(1);
});
