import {
  CreateDeploymentCommand,
  CreateRestApiCommand,
  DeleteDeploymentCommand,
  GetDeploymentCommand,
  GetDeploymentsCommand,
  GetStageCommand,
  UpdateStageCommand,
} from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, startTestGateway, type TestGateway } from "../test-helpers";
import { deployedApi } from "./test-fixtures";

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.stop());

describe("deployments", () => {
  it("creates the stage on first deploy and moves it on the next (variables merged)", async () => {
    const api = await deployedApi(t.v1, "dev");
    const first = await t.v1.send(new GetStageCommand({ restApiId: api.apiId, stageName: "dev" }));
    expect(first.deploymentId).toBe(api.deploymentId);
    const d2 = await t.v1.send(
      new CreateDeploymentCommand({ restApiId: api.apiId, stageName: "dev", variables: { a: "1" } }),
    );
    expect(d2.$metadata.httpStatusCode).toBe(201);
    const moved = await t.v1.send(new GetStageCommand({ restApiId: api.apiId, stageName: "dev" }));
    expect(moved.deploymentId).toBe(d2.id);
    expect(moved.variables).toEqual({ a: "1" });
  });

  it("a plain deployment to a canary stage moves the base and ends the canary (LocalStack's choice)", async () => {
    const api = await deployedApi(t.v1, "prod");
    await t.v1.send(
      new CreateDeploymentCommand({
        restApiId: api.apiId,
        stageName: "prod",
        canarySettings: { percentTraffic: 20 },
      }),
    );
    const d3 = await t.v1.send(new CreateDeploymentCommand({ restApiId: api.apiId, stageName: "prod" }));
    const s = await t.v1.send(new GetStageCommand({ restApiId: api.apiId, stageName: "prod" }));
    expect(s.deploymentId).toBe(d3.id);
    expect(s.canarySettings).toBeUndefined();
  });

  it("lists deployments and embeds the api summary on request", async () => {
    const api = await deployedApi(t.v1, "prod");
    const list = await t.v1.send(new GetDeploymentsCommand({ restApiId: api.apiId }));
    expect(list.items?.map((d) => d.id)).toEqual([api.deploymentId]);
    const d = await t.v1.send(
      new GetDeploymentCommand({
        restApiId: api.apiId,
        deploymentId: api.deploymentId,
        embed: ["apisummary"],
      }),
    );
    expect(d.apiSummary?.["/pets"]?.GET).toEqual({ authorizationType: "NONE", apiKeyRequired: true });
    const plain = await t.v1.send(
      new GetDeploymentCommand({ restApiId: api.apiId, deploymentId: api.deploymentId }),
    );
    expect(plain.apiSummary).toBeUndefined();
  });

  it("refuses deleting a deployment a stage uses, then deletes it once the stage moved", async () => {
    const api = await deployedApi(t.v1, "prod");
    const e = await errorOf(() =>
      t.v1.send(new DeleteDeploymentCommand({ restApiId: api.apiId, deploymentId: api.deploymentId })),
    );
    expect(e.name).toBe("BadRequestException");
    expect(e.message).toBe("Active stages pointing to this deployment must be moved or deleted");
    const d2 = await t.v1.send(new CreateDeploymentCommand({ restApiId: api.apiId }));
    await t.v1.send(
      new UpdateStageCommand({
        restApiId: api.apiId,
        stageName: "prod",
        patchOperations: [{ op: "replace", path: "/deploymentId", value: d2.id }],
      }),
    );
    const ok = await t.v1.send(
      new DeleteDeploymentCommand({ restApiId: api.apiId, deploymentId: api.deploymentId }),
    );
    expect(ok.$metadata.httpStatusCode).toBe(202);
    const gone = await errorOf(() =>
      t.v1.send(new GetDeploymentCommand({ restApiId: api.apiId, deploymentId: api.deploymentId })),
    );
    expect(gone.$metadata?.httpStatusCode).toBe(404);
  });

  it("freezes resources at deploy time", async () => {
    const api = await deployedApi(t.v1, "prod");
    const dep = t.gw.state.restApis[api.apiId]!.deployments[api.deploymentId]!;
    t.gw.state.restApis[api.apiId]!.resources[api.petsId]!.methods = {};
    expect(Object.keys(dep.resources[api.petsId]!.methods)).toEqual(["GET"]);
  });

  it("refuses to deploy an API without methods", async () => {
    const api = await t.v1.send(new CreateRestApiCommand({ name: "empty" }));
    const e = await errorOf(() =>
      t.v1.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: "x" })),
    );
    expect(e.message).toBe("The REST API doesn't contain any methods");
  });
});
