import { CreateDeploymentCommand, GetStageCommand } from "@aws-sdk/client-api-gateway";
import { expect, test } from "../fixtures";
import { createTokenInUi, tollgate } from "../cli";
import { configureUpstream, sdk, seedApi, stageUrl, startTraffic, syncInventory } from "../gateway-fixtures";
import { unique } from "../helpers";

// The `tollgate` CLI as a pipeline runs it: a child process against the console under test (its canary engine job
// evaluates every 5 s) and the e2e Local Gateway with traffic running. Tokens are made on /ops/tokens.

const ROLLOUT = "rollouts and deployments";
let token = "";

test.beforeEach(async ({ page }) => {
  if (!token)
    token = await createTokenInUi(page, "/ops/tokens", {
      name: unique("CI deploy"),
      scopes: ["ops.view", "gateway.manage"],
    });
});

test(`a healthy release: rollout start --wait streams each decision and exits 0 once promoted (${ROLLOUT})`, async ({
  page,
}) => {
  test.setTimeout(150_000);
  const name = unique("e2e-cli-ok").replace(" ", "-");
  const apiId = await seedApi(name);
  const canary = (
    await sdk.send(new CreateDeploymentCommand({ restApiId: apiId, description: "release v2" }))
  ).id!;
  await syncInventory(page.request);
  const traffic = startTraffic(stageUrl(apiId));
  try {
    const run = await tollgate(token, [
      "rollout",
      "start",
      "--api",
      name,
      "--stage",
      "prod",
      "--deployment",
      canary,
      "--var",
      "version=v2",
      "--steps",
      "20,50",
      "--hold",
      "2",
      "--interval",
      "5",
      "--min-requests",
      "10",
      "--wait",
      "--poll",
      "1",
    ]);
    expect(run.code, run.stderr + run.stdout).toBe(0);
    expect(run.stdout).toMatch(/^Started .* rollout \S+: step 1\/2 · canary 20 % · running/m);
    // Each decision with the step and share it led to, and canary vs base 5XX and p99.
    expect(run.stdout).toMatch(
      /step 2\/2 · 50 % · 5XX canary [\d.]+ % vs base [\d.]+ % · p99 canary \d+ ms vs base \d+ ms · \d+ canary requests → advance: Healthy/,
    );
    expect(run.stdout).toMatch(/step 2\/2 · 50 % · 5XX canary .* → promote/);
    expect(run.stdout).toMatch(/canary 100 % · promoted$/m);
    const stage = await sdk.send(new GetStageCommand({ restApiId: apiId, stageName: "prod" }));
    expect(stage.deploymentId).toBe(canary);
    expect(stage.canarySettings).toBeUndefined();
  } finally {
    await traffic.stop();
  }
});

test("a release with 20 % errors: deploy then roll out, exits 1 after the rollback; --output json for scripts", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const name = unique("e2e-cli-bad").replace(" ", "-");
  const apiId = await seedApi(name);
  await syncInventory(page.request);
  const base = (await sdk.send(new GetStageCommand({ restApiId: apiId, stageName: "prod" }))).deploymentId!;
  await configureUpstream({ v3: { errorRate: 0.2 } });
  const traffic = startTraffic(stageUrl(apiId));
  try {
    const run = await tollgate(token, [
      "--output",
      "json",
      "rollout",
      "start",
      "--api",
      apiId,
      "--stage",
      "prod",
      "--deploy",
      "--description",
      "release v3",
      "--var",
      "version=v3",
      "--steps",
      "25,50",
      "--hold",
      "120",
      "--interval",
      "5",
      "--min-requests",
      "5",
      "--threshold",
      "2",
      "--wait",
      "--poll",
      "1",
    ]);
    expect(run.code, run.stderr + run.stdout).toBe(1);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ status: "running", currentPercent: 25 });
    const decisions = lines.filter((l) => l.event === "decision");
    expect(decisions.map((d) => d.action)).toEqual(["start", "hold", "rollback"]);
    expect(decisions[2]).toMatchObject({ metrics: { canary: { requests: expect.any(Number) } } });
    expect(lines.at(-1)).toMatchObject({ event: "finished", status: "rolled_back", currentPercent: 0 });
    const stage = await sdk.send(new GetStageCommand({ restApiId: apiId, stageName: "prod" }));
    expect(stage.canarySettings).toBeUndefined();
    expect(stage.deploymentId).toBe(base);
  } finally {
    await traffic.stop();
    await configureUpstream({ v3: { errorRate: 0 } });
  }
});

test("a retried start with the same idempotency key starts one rollout; status, abort, deploy", async ({
  page,
}) => {
  const name = unique("e2e-cli-idem").replace(" ", "-");
  const apiId = await seedApi(name);
  await syncInventory(page.request);
  const args = [
    "-o",
    "json",
    "rollout",
    "start",
    "--api",
    apiId,
    "--stage",
    "prod",
    "--deploy",
    "--idempotency-key",
    `ci-${name}`,
  ];
  const first = await tollgate(token, args);
  const second = await tollgate(token, args);
  expect(first.code, first.stderr).toBe(0);
  expect(second.code, second.stderr).toBe(0);
  const id = (JSON.parse(first.stdout) as { id: string }).id;
  expect((JSON.parse(second.stdout) as { id: string }).id).toBe(id);
  const list = await tollgate(token, ["-o", "json", "rollout", "list", "--api", apiId]);
  expect((JSON.parse(list.stdout) as { id: string }[]).map((r) => r.id)).toEqual([id]);
  const status = await tollgate(token, ["rollout", "status", id]);
  expect(status.code).toBe(0);
  expect(status.stdout).toContain(`rollout ${id}: step 1/4`);
  const abort = await tollgate(token, ["rollout", "abort", id]);
  expect(abort.code, abort.stderr).toBe(0);
  expect(abort.stdout).toMatch(/rolled back$/m);
  // The stage is free again: deploy straight to it.
  const deploy = await tollgate(token, [
    "deploy",
    "--api",
    name,
    "--stage",
    "prod",
    "--description",
    "hotfix",
  ]);
  expect(deploy.code, deploy.stderr).toBe(0);
  const deployed = /^Deployed (\S+) to prod\.$/m.exec(deploy.stdout)![1]!;
  expect((await sdk.send(new GetStageCommand({ restApiId: apiId, stageName: "prod" }))).deploymentId).toBe(
    deployed,
  );
  // Bad usage exits 2 with a message, before any request.
  const usage = await tollgate(token, ["rollout", "start", "--api", apiId, "--stage", "prod"]);
  expect(usage.code).toBe(2);
  expect(usage.stderr).toContain("Give --deployment <id> or --deploy");
});

test("a token without the rollout scope gets 403; a revoked token 401 (exit 2 both)", async ({ page }) => {
  const readOnly = await createTokenInUi(page, "/ops/tokens", {
    name: unique("Read only"),
    scopes: ["ops.view"],
  });
  const refused = await tollgate(readOnly, [
    "rollout",
    "start",
    "--api",
    "any",
    "--stage",
    "prod",
    "--deploy",
  ]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain("Scope missing (403): This token does not have the scope gateway.manage.");
  expect((await tollgate(readOnly, ["rollout", "list"])).code).toBe(0);

  const row = page.getByRole("row").filter({ hasText: "Read only" });
  await row.getByRole("button", { name: "Revoke" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("stops working at once");
  await confirm.getByRole("button", { name: "Revoke token" }).click();
  await expect(row.getByText("Revoked")).toBeVisible();
  const revoked = await tollgate(readOnly, ["rollout", "list"]);
  expect(revoked.code).toBe(2);
  expect(revoked.stderr).toContain("Token revoked (401)");
});
