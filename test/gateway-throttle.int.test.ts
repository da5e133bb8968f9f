// AWS's control-plane throttling (CreateDeployment 1 per 5 s) reaches the operator as plain words with the wait,
// against a Local Gateway with control limits on and a frozen clock (so the SDK's own retries cannot outwait it).
import { afterAll, beforeAll, expect, it } from "vitest";
import { FakeClock, setControlLimits } from "@tollgate/local-gateway/testing";
import { operator, startConsoleGateway, type ConsoleGateway } from "./console-gateway";

let env: ConsoleGateway;
let apiId: string;

beforeAll(async () => {
  // One attempt per call: the SDK's retries would otherwise wait out each Retry-After before the refusal shows.
  env = await startConsoleGateway({ name: "throttle", clock: new FakeClock(), maxAttempts: 1 });
  apiId = env.seeded.restApis.payments;
  await setControlLimits(env.gw, true);
});

afterAll(async () => {
  await env?.close();
});

it("a second deployment within 5 seconds is refused with the wait in plain words, and changes nothing", async () => {
  const { getRestStage } = await import("@/lib/aws/stages");
  const { listDeployments } = await import("@/lib/aws/deployments");
  const { deployToStage } = await import("@/lib/stages/commands");
  const { stageVersion } = await import("@/lib/stages/version");
  const version = stageVersion(await getRestStage(apiId, "dev"));
  await deployToStage(operator, { restApiId: apiId, stageName: "dev", version, description: "first" });
  const before = (await listDeployments(apiId)).length;
  const after1 = stageVersion(await getRestStage(apiId, "dev"));
  const err = await deployToStage(operator, {
    restApiId: apiId,
    stageName: "dev",
    version: after1,
    description: "second",
  }).catch((e: unknown) => e);
  expect(err).toMatchObject({
    code: "throttled",
    message: "API Gateway is limiting how fast this can change: try again in 5 seconds.",
    retryAfterSeconds: 5,
  });
  expect(await listDeployments(apiId)).toHaveLength(before);
}, 40_000);

it("a stage changed since the page was loaded is not overwritten", async () => {
  const { getRestStage, patchRestStage } = await import("@/lib/aws/stages");
  const { applyStageChange } = await import("@/lib/stages/commands");
  const { stageVersion } = await import("@/lib/stages/version");
  const loaded = stageVersion(await getRestStage(apiId, "dev"));
  // Someone else changes the stage after our page loaded it.
  await patchRestStage(apiId, "dev", [{ op: "replace", path: "/variables/version", value: "v9" }]);
  await expect(
    applyStageChange(operator, {
      restApiId: apiId,
      stageName: "dev",
      version: loaded,
      change: { kind: "variables", set: { version: "v1", extra: "x" }, remove: [] },
    }),
  ).rejects.toMatchObject({
    code: "conflict",
    message: expect.stringMatching(/changed since you loaded the page/),
  });
  const now = await getRestStage(apiId, "dev");
  expect(now.variables.version).toBe("v9");
  expect(now.variables.extra).toBeUndefined();
});
