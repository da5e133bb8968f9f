import { expect, test, type Locator, type Page } from "../fixtures";
import { CreateDeploymentCommand, GetStageCommand } from "@aws-sdk/client-api-gateway";
import { configureUpstream, sdk, seedApi, stageUrl, startTraffic, syncInventory } from "../gateway-fixtures";
import { unique } from "../helpers";

// Automated canary rollouts against the e2e Local Gateway with the demo upstream and traffic running: a healthy
// release (v2) is promoted through every step on its own; a faulty one (v3, 20 % errors) is rolled back within two
// evaluations. The console's engine job evaluates every 5 seconds; the plans use 5-second evaluations.

type Step = { percent: number; hold: number };

/** Fills the wizard's plan: the steps (replacing the default four), evaluation, minimum requests, threshold. */
async function fillPlan(
  page: Page,
  plan: { steps: Step[]; evaluationSeconds: number; minRequests: number; failureThreshold: number },
) {
  for (let i = 4; i > plan.steps.length; i--)
    await page.getByRole("button", { name: `Remove step ${i}` }).click();
  for (const [i, s] of plan.steps.entries()) {
    await page.getByLabel(`Step ${i + 1} traffic (%)`).fill(String(s.percent));
    await page.getByLabel(`Step ${i + 1} hold (seconds)`).fill(String(s.hold));
  }
  await page.getByLabel("Evaluation interval (seconds)").fill(String(plan.evaluationSeconds));
  await page.getByLabel("Minimum requests").fill(String(plan.minRequests));
  await page.getByLabel("Failure threshold").fill(String(plan.failureThreshold));
}

async function openWizard(page: Page, apiId: string) {
  await page.goto(`/ops/apis/rest/${apiId}/stages/prod`);
  await expect(page.getByText(/No rollout is running on this stage/)).toBeVisible();
  await page.getByRole("link", { name: "Start a rollout" }).click();
  await expect(page.getByRole("heading", { name: "Start a rollout on prod" })).toBeVisible();
}

const decisionLog = (page: Page) => page.getByRole("table", { name: "Decision log" });
/** A decision's pass/fail chips (each names the gate, the value and the threshold). */
const checkChips = (row: Locator, text: RegExp) =>
  row.locator('[data-slot="badge"]').filter({ hasText: text });

test("a healthy release is promoted through every step on its own", async ({ page }) => {
  test.setTimeout(150_000);
  const name = unique("e2e-roll-ok").replace(" ", "-");
  const apiId = await seedApi(name);
  const base = (await sdk.send(new GetStageCommand({ restApiId: apiId, stageName: "prod" }))).deploymentId!;
  const canary = (
    await sdk.send(new CreateDeploymentCommand({ restApiId: apiId, description: "release v2" }))
  ).id!;
  await syncInventory(page.request);
  // The release is 15 ms slower than the base: many times the base's p99 at these speeds, but under the 50 ms noise
  // floor, so the ratio gate passes — and says that is why.
  await configureUpstream({ v2: { latencyMs: 15 } });
  const traffic = startTraffic(stageUrl(apiId));
  try {
    await page.setViewportSize({ width: 1366, height: 900 });
    await openWizard(page, apiId);
    await page.getByLabel("An existing deployment").check();
    await page.getByLabel("Deployment", { exact: true }).selectOption(canary);
    await page.getByLabel("Canary stage-variable overrides").fill("version=v2");
    await fillPlan(page, {
      steps: [
        { percent: 10, hold: 4 },
        { percent: 25, hold: 4 },
        { percent: 50, hold: 4 },
      ],
      evaluationSeconds: 5,
      minRequests: 10,
      failureThreshold: 2,
    });
    await page.getByRole("button", { name: "Start rollout" }).click();

    await expect(page).toHaveURL(/\/ops\/rollouts\/[\w-]+$/);
    await expect(page.getByTestId("rollout-canary")).toHaveText(canary);
    await expect(page.getByTestId("rollout-base")).toHaveText(base);
    await expect(page.getByTestId("rollout-status")).toHaveText("promoted", { timeout: 120_000 });
    await expect(page.getByTestId("rollout-percent")).toHaveText("100 %");

    // The stage now serves the canary's deployment with its variables, and has no canary any more.
    const stage = await sdk.send(new GetStageCommand({ restApiId: apiId, stageName: "prod" }));
    expect(stage.deploymentId).toBe(canary);
    expect(stage.canarySettings).toBeUndefined();
    expect(stage.variables?.version).toBe("v2");

    // One advance per step, then the promotion, each with the metrics it was based on.
    const log = decisionLog(page);
    const advances = log.locator('tbody tr[data-action="advance"]');
    await expect(advances).toHaveCount(2);
    await expect(advances.nth(1)).toContainText(/canary requests, every gate passed\): advanced to 25 %/);
    await expect(advances.nth(0)).toContainText(/canary requests, every gate passed\): advanced to 50 %/);
    const promote = log.locator('tbody tr[data-action="promote"]');
    await expect(promote).toHaveCount(1);
    await expect(promote).toContainText(/Healthy on the last step \(\d+ canary requests\): promoted/);
    for (const row of [advances.nth(0), advances.nth(1), promote]) {
      await expect(row.getByRole("cell").nth(4)).toContainText(/requests\s*[1-9]/);
      await expect(checkChips(row, /^passed: Canary 5XX rate 0 % ≤ 1 %$/)).toHaveCount(1);
    }
    await expect(log.locator('tbody tr[data-action="rollback"]')).toHaveCount(0);
    // Every check shows the rule it applied: a ratio over 1.5× passed only because of the noise floor says so.
    const ratioChips = log
      .locator('[data-slot="badge"]')
      .filter({ hasText: /^passed: Canary p99 ÷ base p99/ });
    await expect(ratioChips.first()).toBeVisible();
    for (const text of await ratioChips.allInnerTexts())
      expect(text).toMatch(
        /≤ 1\.50×$|— difference [\d.]+ ms is within the 50 ms noise floor, so not compared$/,
      );
    await expect(ratioChips.filter({ hasText: /noise floor, so not compared/ }).first()).toBeVisible();
    // Nothing of the log is cut off at 1366 px: no sideways scrolling, every check inside the window.
    const container = log.locator("xpath=..");
    expect(await container.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    for (const box of await log
      .locator('[data-slot="badge"]')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right)))
      expect(box).toBeLessThanOrEqual(1366);
    await page.screenshot({ path: "/tmp/shots-walk-trust/rollout-decision-log.png", fullPage: true });
    // The charts are drawn from those decisions.
    await expect(page.getByRole("figure", { name: "5XX error rate" })).toBeVisible();

    // The data plane now serves only v2.
    const before = traffic.served.length;
    await expect.poll(() => traffic.served.length - before, { timeout: 15_000 }).toBeGreaterThan(20);
    expect(new Set(traffic.served.slice(before + 4))).toEqual(new Set(["/v2/payments"]));

    // The list shows it, and the stage is free for the next rollout.
    await page.goto("/ops/rollouts");
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText("promoted");
    await expect(row).toContainText("100 %");
    await row.getByRole("link", { name: /Open the rollout/ }).click();
    await expect(page.getByTestId("rollout-status")).toHaveText("promoted");
    await page.goto(`/ops/apis/rest/${apiId}/stages/prod`);
    await expect(page.getByRole("link", { name: "Start a rollout" })).toBeVisible();
  } finally {
    await traffic.stop();
    await configureUpstream({ v2: { latencyMs: 0 } });
  }
});

test("a release with 20 % errors is rolled back within two evaluations", async ({ page }) => {
  test.setTimeout(150_000);
  const name = unique("e2e-roll-bad").replace(" ", "-");
  const apiId = await seedApi(name);
  await syncInventory(page.request);
  const base = (await sdk.send(new GetStageCommand({ restApiId: apiId, stageName: "prod" }))).deploymentId!;
  await configureUpstream({ v3: { errorRate: 0.2 } });
  const traffic = startTraffic(stageUrl(apiId));
  try {
    await openWizard(page, apiId);
    // A new deployment of the API as it is, whose canary reads the faulty v3.
    await page.getByLabel("A new deployment of the API's current state").check();
    await page.getByLabel("Description of the new deployment").fill("release v3");
    await page.getByLabel("Canary stage-variable overrides").fill("version=v3");
    // A long first hold, so only the checks can end the rollout, and a share that gives every evaluation data.
    await fillPlan(page, {
      steps: [
        { percent: 25, hold: 120 },
        { percent: 50, hold: 120 },
      ],
      evaluationSeconds: 5,
      minRequests: 5,
      failureThreshold: 2,
    });
    await page.getByRole("button", { name: "Start rollout" }).click();

    await expect(page).toHaveURL(/\/ops\/rollouts\/[\w-]+$/);
    const canary = (await page.getByTestId("rollout-canary").textContent())!.trim();
    expect(canary).not.toBe(base);
    await expect(page.getByTestId("rollout-status")).toHaveText("rolled back", { timeout: 60_000 });
    await expect(page.getByTestId("rollout-percent")).toHaveText("0 %");
    await expect(page.getByTestId("rollout-failed-checks")).toHaveText("2 of 2");

    // Exactly two evaluations after the start: a failed check, then the rollback — both with their numbers.
    const rows = decisionLog(page).locator("tbody tr");
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(2)).toHaveAttribute("data-action", "start");
    await expect(rows.nth(1)).toHaveAttribute("data-action", "hold");
    await expect(rows.nth(1)).toHaveAttribute("data-reason", "failed-check");
    await expect(rows.nth(1)).toContainText(/Failed check 1 of 2 \(Canary 5XX rate [\d.]+ % > 1 %/);
    await expect(rows.nth(0)).toHaveAttribute("data-action", "rollback");
    await expect(rows.nth(0)).toContainText(
      /Rolled back after 2 failed checks \(Canary 5XX rate [\d.]+ % > 1 %/,
    );
    for (const i of [0, 1]) {
      await expect(rows.nth(i).getByRole("cell").nth(4)).toContainText(/requests\s*[1-9]/);
      await expect(checkChips(rows.nth(i), /^failed: Canary 5XX rate/)).toHaveCount(1);
    }

    // The stage has no canary and still serves the base deployment.
    const stage = await sdk.send(new GetStageCommand({ restApiId: apiId, stageName: "prod" }));
    expect(stage.canarySettings).toBeUndefined();
    expect(stage.deploymentId).toBe(base);
    expect(stage.variables?.version).toBe("v1");
  } finally {
    await traffic.stop();
    await configureUpstream({ v3: { errorRate: 0 } });
  }
});
