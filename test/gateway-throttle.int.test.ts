// AWS's control-plane throttling (CreateDeployment 1 per 5 s) reaches the operator as plain words with the wait,
// against a Local Gateway with control limits on and a frozen clock (so the SDK's own retries cannot outwait it).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { StaffActor } from "@/lib/auth/actor";
import { FakeClock } from "@/lib/local-gateway/clock";
import type { Gateway } from "@/lib/local-gateway/server";
import type { DemoUpstream } from "@/lib/local-gateway/demo/upstream";

const operator: StaffActor = {
  kind: "staff",
  id: "op",
  email: "op@test.example",
  name: "Op",
  role: "operator",
  tenantId: null,
};
let gw: Gateway;
let upstream: DemoUpstream;
let dataDir: string;
let apiId: string;

beforeAll(async () => {
  const { createGateway } = await import("@/lib/local-gateway/server");
  const { startDemoUpstream } = await import("@/lib/local-gateway/demo/upstream");
  const { seedDemo } = await import("@/lib/local-gateway/demo/seed");
  dataDir = mkdtempSync(path.join(tmpdir(), "tollgate-throttle-"));
  upstream = await startDemoUpstream({ port: 0 });
  gw = await createGateway({ port: 0, dataDir, controlLimits: false, clock: new FakeClock() });
  process.env.TOLLGATE_MODE = "local";
  process.env.AWS_ENDPOINT_URL = gw.url;
  apiId = (await seedDemo({ endpoint: gw.url, upstreamUrl: upstream.url })).restApis.payments;
  gw.ctx.config.controlLimits = true;
});

afterAll(async () => {
  await gw?.close();
  await upstream?.close();
  rmSync(dataDir, { recursive: true, force: true });
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
