import { expect, test, type Browser, type Page } from "../fixtures";
import { GetRestApisCommand } from "@aws-sdk/client-api-gateway";
import { gateway, sdk } from "../gateway-fixtures";
import { freshPage, signIn, unique, waitForHydration } from "../helpers";

// Issue 16 §3 and §5 in the browser, against the e2e Local Gateway's data plane: a plan request approved by an
// operator moves the partner's key to the new plan's stage; an owner invites a teammate who signs in as a member
// and is offered no way to revoke or delete a key. Admins hold every operator permission, so one project runs both.

const PASSWORD = "a-strong-new-password";

async function call(url: string, key: string): Promise<number> {
  return (await fetch(url, { headers: { "x-api-key": key } })).status;
}

async function acceptInvitation(browser: Browser, path: string, name: string): Promise<Page> {
  const page = await freshPage(browser);
  await page.goto(path);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Repeat password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/login$/);
  return page;
}

/** Clicks until the dialog opens: on a loaded machine the first click can land before the page has hydrated. */
async function openDialog(page: Page, button: string) {
  const dialog = page.getByRole("dialog");
  await expect(async () => {
    await page.getByRole("button", { name: button }).first().click();
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  return dialog;
}

async function createPlan(page: Page, name: string, stageLabel: string, quota: string) {
  await page.goto("/ops/usage-plans");
  const dialog = await openDialog(page, "New plan");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Rate (requests/second)").fill("50");
  await dialog.getByLabel("Burst").fill("100");
  await dialog.getByLabel("Quota (requests)").fill(quota);
  await dialog.getByLabel("Quota period").selectOption("DAY");
  await dialog.getByLabel(stageLabel).check();
  await dialog.getByRole("button", { name: "Create plan" }).click();
  await expect(page.getByText(`Plan ${name} created.`)).toBeVisible();
}

test.describe.serial("partner people", () => {
  const tenant = unique("Req Tenant");
  const ownerEmail = `owner-${Date.now()}@e2e.test`;
  let owner: Page;
  let key: string;

  test("a plan request is approved and the partner's key then works on the new plan's stage", async ({
    page,
    browser,
  }) => {
    test.setTimeout(150_000);
    // A tenant of its own, with an owner invited by the admin.
    await page.goto("/ops/tenants");
    await (await openDialog(page, "New tenant")).getByLabel("Name").fill(tenant);
    await page.getByRole("dialog").getByRole("button", { name: "Create tenant" }).click();
    await expect(page.getByRole("row").filter({ hasText: tenant })).toBeVisible();
    await page.goto("/ops/users");
    const invite = await openDialog(page, "Invite user");
    await invite.getByLabel("Email").fill(ownerEmail);
    await invite.getByLabel("Role").selectOption("partner");
    await invite.getByLabel("Tenant").selectOption({ label: tenant });
    await invite.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText(/Invitation created/)).toBeVisible();
    await page.goto("/ops/outbox");
    const link = await page
      .getByTestId("outbox-mail")
      .filter({ hasText: ownerEmail })
      .first()
      .getByTestId("outbox-link")
      .locator("code")
      .innerText();

    // Two plans: Basic covers payments/prod, Weather covers weather/prod. The tenant starts on Basic.
    const basic = unique("Basic");
    const weather = unique("Weather");
    await createPlan(page, basic, "payments · prod", "1000");
    await createPlan(page, weather, "weather · prod", "1000");
    await page.goto("/ops/usage-plans");
    await waitForHydration(page); // a choice made before hydration never reaches the form's state
    const card = page.getByTestId(`plan-${basic}`);
    await card.getByLabel(`Tenant to subscribe to ${basic}`).selectOption({ label: tenant });
    await card.getByRole("button", { name: "Subscribe" }).click();
    await expect(card.getByText(tenant, { exact: true })).toBeVisible();

    // The owner signs up, creates a key: it works on payments, not on weather.
    owner = await acceptInvitation(browser, new URL(link).pathname, "Olivia Owner");
    await signIn(owner, ownerEmail, PASSWORD);
    await expect(owner).toHaveURL(/\/partner$/);
    const kd = await openDialog(owner, "New key");
    await kd.getByLabel("Label").fill("Checkout");
    await kd.getByRole("button", { name: "Create key" }).click();
    key = (await kd.getByTestId("key-value").innerText()).trim();
    await kd.getByRole("button", { name: "I have copied it" }).click();
    await owner.goto("/partner/plan");
    const curl = await owner.locator("code", { hasText: "/prod/" }).first().innerText();
    expect(curl).toContain(`${gateway}/restapis/`);
    const apis = (await sdk.send(new GetRestApisCommand({}))).items ?? [];
    const id = (name: string) => apis.find((a) => a.name === name)!.id!;
    const paymentsUrl = `${gateway}/restapis/${id("payments")}/prod/_user_request_/payments`;
    const weatherUrl = `${gateway}/restapis/${id("weather")}/prod/_user_request_/forecast`;
    expect(await call(paymentsUrl, key)).toBe(200);
    expect(await call(weatherUrl, key)).toBe(403);

    // The owner asks for the Weather plan.
    const open = owner.getByLabel("Open plan request");
    await expect(async () => {
      if (await open.isVisible()) return;
      const choice = owner.getByLabel("Plan you would like");
      const value = await choice.locator("option", { hasText: weather }).getAttribute("value");
      await choice.selectOption(value!);
      await owner.getByLabel("Message to your API provider").fill("We launch a weather widget next week.");
      await owner.getByRole("button", { name: "Send request" }).click();
      await expect(open).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 40_000 });
    await expect(owner.getByLabel("Open plan request")).toContainText(weather);

    // The operator side: a count in the nav, the request, approve after a confirmation that says what happens.
    await page.goto("/ops/plan-requests");
    await expect(page.getByRole("link", { name: /Plan requests\s*\d+/ })).toBeVisible();
    const request = page.getByTestId("plan-request").filter({ hasText: tenant });
    await expect(request).toContainText("We launch a weather widget next week.");
    const confirm = page.getByRole("alertdialog");
    await expect(async () => {
      await request.getByRole("button", { name: "Approve" }).click();
      await expect(confirm).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(confirm).toContainText(`joins "${weather}" and then leaves "${basic}"`);
    await confirm.getByRole("button", { name: "Approve and change plan" }).click();
    await expect(page.getByText(`${tenant} is on ${weather} now.`)).toBeVisible();

    // The same key now works on the new plan's stage and no longer on the old one.
    expect(await call(weatherUrl, key)).toBe(200);
    expect(await call(paymentsUrl, key)).toBe(403);
    await owner.goto("/partner/plan");
    await expect(owner.getByText("Approved").first()).toBeVisible();
  });

  test("an owner invites a teammate who signs in as a member and cannot delete a key", async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const mateEmail = `mate-${Date.now()}@e2e.test`;
    await owner.goto("/partner/team");
    const dialog = await openDialog(owner, "Invite colleague");
    await dialog.getByLabel("Email").fill(mateEmail);
    await dialog.getByLabel("Role").selectOption("member");
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    // No SMTP in e2e: the owner sees the link once, to pass on.
    const link = (await dialog.getByTestId("team-invitation-link").innerText()).trim();
    expect(link).toMatch(/\/invite\/[\w-]+$/);
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(owner.getByLabel("Pending invitations")).toContainText(mateEmail);

    const mate = await acceptInvitation(browser, new URL(link).pathname, "Max Member");
    await signIn(mate, mateEmail, PASSWORD);
    await expect(mate).toHaveURL(/\/partner$/);
    // The member sees the owner's key, with no Revoke or Delete.
    const row = mate.getByRole("row").filter({ hasText: "Checkout" });
    await expect(row).toBeVisible();
    await expect(row.getByRole("button", { name: "Rotate" })).toBeVisible();
    await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);
    await expect(row.getByRole("button", { name: "Delete" })).toHaveCount(0);
    // The team page lists them as a member; there is no way to invite or remove.
    await mate.goto("/partner/team");
    await expect(mate.getByLabel("Team members")).toContainText("Max Member");
    await expect(mate.getByLabel("Team members")).toContainText("Member");
    await expect(mate.getByRole("button", { name: "Invite colleague" })).toHaveCount(0);
    await expect(mate.getByRole("button", { name: "Remove" })).toHaveCount(0);
    // And no plan request form either.
    await mate.goto("/partner/plan");
    await expect(
      mate.getByText("Only an owner of your organisation can ask for another plan."),
    ).toBeVisible();
    // The key still works (nobody could touch it).
    expect(key.length).toBeGreaterThan(20);
  });
});
