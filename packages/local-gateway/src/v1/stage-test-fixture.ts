// Shared by stages.test.ts and stages-canary.test.ts: one gateway and one deployed API per file, and a fresh stage
// (s1, s2, …) on its deployment before each test. Call at the top level of a test file.
import {
  CreateStageCommand,
  UpdateStageCommand,
  type PatchOperation,
  type UpdateStageCommandOutput,
} from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startTestGateway, type TestGateway } from "../test-helpers";
import { deployedApi, type DeployedApi } from "./test-fixtures";

export interface StageFixture {
  t: TestGateway;
  api: DeployedApi;
  /** The stage created for the running test. */
  stageName: string;
  /** UpdateStage on the running test's stage (or `name`). */
  patch(ops: PatchOperation[], name?: string): Promise<UpdateStageCommandOutput>;
}

export function stageFixture(): StageFixture {
  let counter = 0;
  const fx = {
    stageName: "",
    patch: (ops: PatchOperation[], name = fx.stageName) =>
      fx.t.v1.send(
        new UpdateStageCommand({ restApiId: fx.api.apiId, stageName: name, patchOperations: ops }),
      ),
  } as unknown as StageFixture;
  beforeAll(async () => {
    fx.t = await startTestGateway();
    fx.api = await deployedApi(fx.t.v1, "prod");
  });
  afterAll(() => fx.t.stop());
  beforeEach(async () => {
    fx.stageName = `s${++counter}`;
    await fx.t.v1.send(
      new CreateStageCommand({
        restApiId: fx.api.apiId,
        stageName: fx.stageName,
        deploymentId: fx.api.deploymentId,
      }),
    );
  });
  return fx;
}
