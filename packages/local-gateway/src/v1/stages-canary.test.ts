import { CreateDeploymentCommand, GetStageCommand, type PatchOperation } from "@aws-sdk/client-api-gateway";
import { beforeEach, describe, expect, it } from "vitest";
import { errorOf, type TestGateway } from "../test-helpers";
import { stageFixture } from "./stage-test-fixture";
import { newDeployment, type DeployedApi } from "./test-fixtures";

const fx = stageFixture();
let t: TestGateway;
let api: DeployedApi;
let stageName: string;
beforeEach(() => ({ t, api, stageName } = fx));
const patch = (ops: PatchOperation[], name?: string) => fx.patch(ops, name);

describe("UpdateStage canary settings", () => {
  it("creates a canary from a percentTraffic replace, pointing at the stage's own deployment", async () => {
    const s = await patch([{ op: "replace", path: "/canarySettings/percentTraffic", value: "50" }]);
    expect(s.canarySettings).toEqual({
      deploymentId: api.deploymentId,
      percentTraffic: 50,
      useStageCache: false,
    });
  });

  it("creates a canary from a deploymentId replace with 0 %", async () => {
    const d2 = await newDeployment(t.v1, api.apiId);
    const s = await patch([{ op: "replace", path: "/canarySettings/deploymentId", value: d2 }]);
    expect(s.canarySettings).toEqual({ deploymentId: d2, percentTraffic: 0, useStageCache: false });
  });

  it("accepts only replace: add is refused with AWS's text", async () => {
    const e = await errorOf(() =>
      patch([{ op: "add", path: "/canarySettings/deploymentId", value: api.deploymentId }]),
    );
    expect(e.message).toBe("Invalid add operation with path: /canarySettings/deploymentId");
  });

  it("sets useStageCache and overrides, removes one override, refuses removing the whole map", async () => {
    let s = await patch([
      { op: "replace", path: "/canarySettings/useStageCache", value: "true" },
      { op: "replace", path: "/canarySettings/stageVariableOverrides/var1", value: "a" },
      { op: "replace", path: "/canarySettings/stageVariableOverrides/var2", value: "b" },
    ]);
    expect(s.canarySettings?.useStageCache).toBe(true);
    expect(s.canarySettings?.stageVariableOverrides).toEqual({ var1: "a", var2: "b" });
    s = await patch([{ op: "remove", path: "/canarySettings/stageVariableOverrides/var1" }]);
    expect(s.canarySettings?.stageVariableOverrides).toEqual({ var2: "b" });
    const e = await errorOf(() => patch([{ op: "remove", path: "/canarySettings/stageVariableOverrides" }]));
    expect(e.message).toBe(
      "Cannot remove method setting canarySettings/stageVariableOverrides because there is no method setting for this method ",
    );
  });

  it("disables the canary with remove /canarySettings", async () => {
    await patch([{ op: "replace", path: "/canarySettings/percentTraffic", value: "10" }]);
    const s = await patch([{ op: "remove", path: "/canarySettings" }]);
    expect(s.canarySettings).toBeUndefined();
    const raw = (await (await t.raw(`/restapis/${api.apiId}/stages/${stageName}`)).json()) as object;
    expect(raw).not.toHaveProperty("canarySettings");
  });

  it("promotes: merges overrides into variables, moves the deployment, keeps the canary at 0 %", async () => {
    const d2 = await newDeployment(t.v1, api.apiId);
    await patch([
      { op: "replace", path: "/variables/keep", value: "k" },
      { op: "replace", path: "/variables/var1", value: "old" },
    ]);
    await patch([
      { op: "replace", path: "/canarySettings/deploymentId", value: d2 },
      { op: "replace", path: "/canarySettings/percentTraffic", value: "25.0" },
      { op: "replace", path: "/canarySettings/stageVariableOverrides/var1", value: "new" },
    ]);
    const s = await patch([
      { op: "replace", path: "/canarySettings/percentTraffic", value: "0.0" },
      { op: "copy", from: "/canarySettings/stageVariableOverrides", path: "/variables" },
      { op: "copy", from: "/canarySettings/deploymentId", path: "/deploymentId" },
    ]);
    expect(s.deploymentId).toBe(d2);
    expect(s.variables).toEqual({ keep: "k", var1: "new" });
    expect(s.canarySettings).toMatchObject({ deploymentId: d2, percentTraffic: 0 });
  });

  it("promoting a stage without a canary in the same request as a percentTraffic replace changes nothing else", async () => {
    await patch([{ op: "replace", path: "/variables/a", value: "1" }]);
    const s = await patch([
      { op: "replace", path: "/canarySettings/percentTraffic", value: "0.0" },
      { op: "copy", from: "/canarySettings/stageVariableOverrides", path: "/variables" },
      { op: "copy", from: "/canarySettings/deploymentId", path: "/deploymentId" },
    ]);
    expect(s.deploymentId).toBe(api.deploymentId);
    expect(s.variables).toEqual({ a: "1" });
    expect(s.canarySettings).toEqual({
      deploymentId: api.deploymentId,
      percentTraffic: 0,
      useStageCache: false,
    });
  });

  it("refuses other copy pairs and copies without a canary, with AWS's texts", async () => {
    const bad = await errorOf(() =>
      patch([{ op: "copy", from: "/variables", path: "/canarySettings/stageVariableOverrides" }]),
    );
    expect(bad.message).toBe(
      "Invalid copy operation with path: /canarySettings/stageVariableOverrides and from /variables. Valid copy:path are [/deploymentId, /variables] and valid copy:from are [/canarySettings/deploymentId, /canarySettings/stageVariableOverrides]",
    );
    const none = await errorOf(() =>
      patch([{ op: "copy", from: "/canarySettings/deploymentId", path: "/deploymentId" }]),
    );
    expect(none.message).toBe("Promotion not available. Canary does not exist.");
  });
});

describe("CreateDeployment with canarySettings", () => {
  it("leaves the stage's deploymentId and points the canary at the new deployment", async () => {
    const d = await t.v1.send(
      new CreateDeploymentCommand({
        restApiId: api.apiId,
        stageName,
        canarySettings: { percentTraffic: 10, stageVariableOverrides: { v: "c" } },
      }),
    );
    const s = await t.v1.send(new GetStageCommand({ restApiId: api.apiId, stageName }));
    expect(s.deploymentId).toBe(api.deploymentId);
    expect(s.canarySettings).toEqual({
      deploymentId: d.id,
      percentTraffic: 10,
      stageVariableOverrides: { v: "c" },
      useStageCache: false,
    });
  });

  it("needs a stage name and an existing stage, with AWS's two messages", async () => {
    const noName = await errorOf(() =>
      t.v1.send(new CreateDeploymentCommand({ restApiId: api.apiId, canarySettings: { percentTraffic: 5 } })),
    );
    expect(noName.message).toBe(
      "Invalid deployment content specified.Non null and non empty stageName must be provided for canary deployment. Provided value is null",
    );
    const empty = await errorOf(() =>
      t.v1.send(
        new CreateDeploymentCommand({
          restApiId: api.apiId,
          stageName: "",
          canarySettings: { percentTraffic: 5 },
        }),
      ),
    );
    expect(empty.message).toBe(
      "Invalid deployment content specified.Non null and non empty stageName must be provided for canary deployment. Provided value is ",
    );
    const missing = await errorOf(() =>
      t.v1.send(
        new CreateDeploymentCommand({
          restApiId: api.apiId,
          stageName: "ghost",
          canarySettings: { percentTraffic: 5 },
        }),
      ),
    );
    expect(missing.message).toBe(
      "Invalid deployment content specified.Stage ghost must already be created before making a canary release deployment",
    );
  });
});
