import { expect, test, type Page } from "../fixtures";
import { GetStageCommand } from "@aws-sdk/client-api-gateway";
import { configureUpstream, sdk, seedApi, stageUrl, startTraffic, syncInventory } from "../gateway-fixtures";
import { freshPage, signIn, unique, waitForHydration } from "../helpers";
import { E2E } from "../env";

// What people tripped over in the role walk (issue 15): a failing canary flagged on the canary card with a second
// confirmation before promoting it; review dialogs in the future tense; a former canary's lines kept on the charts;
// revoked keys without a countdown; an operator's enable of a partner-revoked key only as an audited override;
// suspension saying how many keys it disables; and a partner signed out by the suspension told why.

async function createKey(partner: Page, label: string): Promise<void> {
  await partner.goto("/partner");
  await waitForHydration(partner);
  await partner.getByRole("button", { name: "New key" }).click();
  const dialog = partner.getByRole("dialog");
  await dialog.getByLabel("Label").fill(label);
  await dialog.getByLabel("Environment").selectOption("test");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByTestId("key-value")).toBeVisible();
  await dialog.getByRole("button", { name: "I have copied it" }).click();
}

const keyRows = (partner: Page, label: string) =>
  partner.locator('tr[data-testid^="key-"]').filter({ hasText: label });
const keyId = async (row: ReturnType<Page["locator"]>) =>
  (await row.getAttribute("data-testid"))!.replace(/^key-/, "");

test("a canary worse than its base is flagged, Promote asks twice, dialogs say what will happen", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const name = unique("e2e-trust").replace(" ", "-");
  const apiId = await seedApi(name);
  await syncInventory(page.request);
  await configureUpstream({ v3: { errorRate: 0.5 } });
  const traffic = startTraffic(stageUrl(apiId));
  try {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`/ops/apis/rest/${apiId}/stages/prod`);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Deploy", exact: true }).click();
    const deploy = page.getByRole("dialog");
    await deploy.getByLabel("Description").fill("release v3");
    await deploy.getByLabel("Deploy as a canary").check();
    await deploy.getByLabel("Canary traffic (%)").fill("50");
    await deploy.getByLabel("Stage-variable overrides").fill("version=v3");
    await deploy.getByRole("button", { name: "Deploy as canary" }).click();
    await expect(page.getByText(/^Canary started on deployment/)).toBeVisible();

    // Half the canary's answers are 5XX, none of the base's: the card says so, with the rollout gates' words.
    const warning = page
      .locator('[data-slot="alert"]')
      .filter({ hasText: "The canary is doing worse than the base" });
    await expect(warning).toBeVisible({ timeout: 45_000 });
    await expect(warning.getByRole("list", { name: "Failed canary checks" })).toContainText(
      /Canary 5XX rate [\d.]+ % > 1 %/,
    );

    await warning.screenshot({ path: "/tmp/shots-walk-trust/canary-warning.png" });

    // Promote asks twice: first whether to promote a failing canary at all, then the patch review.
    await page.getByRole("button", { name: "Promote canary" }).click();
    const ask = page.getByRole("alertdialog");
    await expect(ask.getByRole("heading", { name: "Promote a failing canary?" })).toBeVisible();
    await page.screenshot({ path: "/tmp/shots-walk-trust/promote-twice.png" });
    await ask.getByRole("button", { name: "Review the promotion anyway" }).click();
    const review = page.getByRole("dialog");
    await expect(review).toContainText("This will promote the canary");
    await expect(review).toContainText("Tollgate will send exactly");
    await review.getByRole("button", { name: "Cancel" }).click();
    expect(
      (await sdk.send(new GetStageCommand({ restApiId: apiId, stageName: "prod" }))).canarySettings,
    ).toBeDefined();

    // Abandon: future tense before applying, and a red Apply.
    await page.getByRole("button", { name: "Abandon canary" }).click();
    await expect(review).toContainText(
      "This will abandon the canary: every request goes back to the base deployment",
    );
    await expect(review).not.toContainText("canary abandoned");
    const apply = review.getByRole("button", { name: "Apply" });
    await expect(apply).toHaveClass(/bg-destructive/);
    await page.screenshot({ path: "/tmp/shots-walk-trust/abandon-review.png" });
    await apply.click();
    await expect(page.getByText(/^Applied: canary abandoned/)).toBeVisible();
    expect(
      (await sdk.send(new GetStageCommand({ restApiId: apiId, stageName: "prod" }))).canarySettings,
    ).toBeUndefined();

    // The last hour had canary traffic: the charts keep its lines after the abandon.
    await expect(page.getByText("and its former canary (dashed)")).toBeVisible();
    await expect(page.getByTestId("canary-requests")).toHaveText(/^[1-9][\d,]*$/);
    await page.screenshot({ path: "/tmp/shots-walk-trust/stage-after-abandon.png", fullPage: true });
  } finally {
    await traffic.stop();
    await configureUpstream({ v3: { errorRate: 0 } });
  }
});

test("revoked keys, the partner's revoke respected, suspension's keys counted and explained", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  // A usage plan for E2E Globex, so its partner can create keys.
  const planName = unique("Trust plan");
  await page.goto("/ops/usage-plans");
  await waitForHydration(page);
  await page.getByRole("button", { name: "New plan" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(planName);
  await dialog.getByLabel("Rate (requests/second)").fill("50");
  await dialog.getByLabel("Burst").fill("100");
  await dialog.getByLabel("payments · prod").check();
  await dialog.getByRole("button", { name: "Create plan" }).click();
  await expect(page.getByText(`Plan ${planName} created.`)).toBeVisible();
  const card = page.getByTestId(`plan-${planName}`);
  await card.getByLabel(`Tenant to subscribe to ${planName}`).selectOption({ label: "E2E Globex" });
  await card.getByRole("button", { name: "Subscribe" }).click();
  await expect(card.getByText("E2E Globex", { exact: true })).toBeVisible();

  // Partner: rotate a key with a 1-hour grace, then revoke the old one: it stopped working, so no countdown.
  const partner = await freshPage(browser);
  await signIn(partner, "globex@e2e.test");
  await expect(partner).toHaveURL(/\/partner$/);
  const rotated = unique("Rotated");
  await createKey(partner, rotated);
  await keyRows(partner, rotated)
    .getByRole("button", { name: /^Rotate key/ })
    .click();
  const rot = partner.getByRole("dialog");
  await rot.getByLabel("Old key keeps working for").selectOption("1h");
  await rot.getByRole("button", { name: "Rotate key" }).click();
  await rot.getByRole("button", { name: "I have copied it" }).click();
  const oldRow = keyRows(partner, rotated).filter({ hasText: "(replaced)" });
  const newRow = keyRows(partner, rotated).filter({ hasText: "(replacement)" });
  await expect(oldRow.getByTestId("key-expires")).toContainText(/Stops in/);
  const [oldId, newId] = [await keyId(oldRow), await keyId(newRow)];
  // The rotation history says which key is the replacement.
  await expect(partner.getByRole("listitem").filter({ hasText: oldId })).toContainText(
    `old key ${oldId} replaced by ${newId} (replacement)`,
  );
  await oldRow.getByRole("button", { name: "Revoke" }).click();
  await partner.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(oldRow.getByText("Revoked")).toBeVisible();
  await expect(oldRow.getByTestId("key-expires")).toHaveText("Stopped working");
  await expect(partner.getByText(/Stops in/)).toHaveCount(0);
  await partner.screenshot({ path: "/tmp/shots-walk-trust/partner-keys-revoked.png", fullPage: true });

  // A second key, revoked by the partner.
  const second = unique("Second");
  await createKey(partner, second);
  await keyRows(partner, second).getByRole("button", { name: "Revoke" }).click();
  await partner.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(keyRows(partner, second).getByText("Revoked")).toBeVisible();

  // Operator: the partner's word, no silent Enable; the rotated-out one cannot be enabled at all.
  await page.goto(`/ops/keys?q=${encodeURIComponent(rotated)}`);
  await waitForHydration(page);
  const opOld = page.getByRole("row").filter({ hasText: oldId });
  await expect(opOld).toContainText("revoked by the partner");
  await expect(opOld).toContainText("cannot be enabled");
  await expect(opOld.getByRole("button", { name: /Enable|Override/ })).toHaveCount(0);
  await page.goto(`/ops/keys?q=${encodeURIComponent(second)}`);
  await waitForHydration(page);
  const opSecond = page.getByRole("row").filter({ hasText: second });
  await expect(opSecond).toContainText("revoked by the partner");
  await expect(opSecond.getByRole("button", { name: /^Enable\b/ })).toHaveCount(0);
  await page.screenshot({ path: "/tmp/shots-walk-trust/ops-keys-revoked.png", fullPage: true });
  await opSecond.getByRole("button", { name: /Override the revoke/ }).click();
  const override = page.getByRole("alertdialog");
  await expect(override).toContainText("E2E Globex revoked this key on");
  await expect(override).toContainText("recorded in the audit log under your name");
  const confirm = override.getByRole("button", { name: "Override and enable" });
  await expect(confirm).toBeDisabled();
  await override.getByLabel(/to confirm/).fill(second);
  await confirm.click();
  await expect(page.getByText(`${second} enabled over the partner's revoke.`)).toBeVisible();
  await expect(opSecond).toContainText("active");
  await page.goto("/ops/audit?action=key.enable-over-partner-revoke");
  await waitForHydration(page);
  await expect(page.getByRole("cell", { name: "key.enable-over-partner-revoke" }).first()).toBeVisible();

  // Suspending says it disables the tenant's keys, with their number (the replacement and the re-enabled one).
  await page.goto("/ops/tenants?q=E2E Globex");
  await waitForHydration(page);
  const row = page.getByRole("row").filter({ hasText: "E2E Globex" });
  await row.getByRole("button", { name: "Suspend" }).click();
  const suspend = page.getByRole("alertdialog");
  await expect(suspend).toContainText("all 2 API keys of the tenant stop working at once");
  await page.screenshot({ path: "/tmp/shots-walk-trust/suspend-dialog.png" });
  await suspend.getByRole("button", { name: "Suspend tenant" }).click();
  await expect(page.getByText("E2E Globex suspended; 2 API keys disabled.")).toBeVisible();

  // The partner's open session ended: the next page sends them to sign-in, which says why and returns them after.
  await partner.goto("/partner/usage");
  await waitForHydration(partner);
  await expect(partner).toHaveURL(/\/login\?next=%2Fpartner%2Fusage$/);
  await expect(partner.getByTestId("signed-out-reason")).toContainText(
    "your organisation's access is suspended",
  );
  await partner.screenshot({ path: "/tmp/shots-walk-trust/signed-out-suspended.png" });

  await row.getByRole("button", { name: "Reinstate" }).click();
  await expect(page.getByRole("alertdialog")).toContainText(
    "the 2 API keys the suspension disabled work again",
  );
  await page.getByRole("alertdialog").getByRole("button", { name: "Reinstate tenant" }).click();
  await expect(row.getByText("Active")).toBeVisible();
  await partner.getByLabel("Email").fill("globex@e2e.test");
  await partner.getByLabel("Password").fill(E2E.password);
  await partner.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(partner).toHaveURL(/\/partner\/usage$/);
  await partner.context().close();
});
