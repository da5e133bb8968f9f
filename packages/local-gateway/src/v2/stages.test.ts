import {
  CreateApiCommand,
  CreateDeploymentCommand,
  CreateStageCommand,
  DeleteStageCommand,
  GetDeploymentCommand,
  GetDeploymentsCommand,
  GetStageCommand,
  GetStagesCommand,
  UpdateStageCommand,
} from "@aws-sdk/client-apigatewayv2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, startTestGateway, type TestGateway } from "../test-helpers";

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.stop());

describe("v2 stages and deployments", () => {
  it("creates a stage with route settings and variables, updates it with a partial document, deletes with 204", async () => {
    const api = await t.v2.send(new CreateApiCommand({ Name: "stages", ProtocolType: "HTTP" }));
    const created = await t.v2.send(
      new CreateStageCommand({
        ApiId: api.ApiId,
        StageName: "prod",
        RouteSettings: { "GET /pets": { ThrottlingBurstLimit: 100, ThrottlingRateLimit: 2000 } },
        StageVariables: { a: "1", b: "2" },
      }),
    );
    expect(created.DefaultRouteSettings).toEqual({ DetailedMetricsEnabled: false });
    const raw = (await (await t.raw(`/v2/apis/${api.ApiId}/stages/prod`)).json()) as Record<string, unknown>;
    expect(raw.routeSettings).toEqual({
      "GET /pets": { throttlingBurstLimit: 100, throttlingRateLimit: 2000 },
    });
    expect(typeof raw.lastUpdatedDate).toBe("string");
    const updated = await t.v2.send(
      new UpdateStageCommand({
        ApiId: api.ApiId,
        StageName: "prod",
        DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 10 },
        RouteSettings: { "GET /pets": { ThrottlingRateLimit: 5 } },
        StageVariables: { b: "", c: "3" },
        Description: "live",
      }),
    );
    expect(updated.DefaultRouteSettings).toEqual({
      DetailedMetricsEnabled: false,
      ThrottlingRateLimit: 50,
      ThrottlingBurstLimit: 10,
    });
    expect(updated.RouteSettings?.["GET /pets"]).toEqual({
      ThrottlingBurstLimit: 100,
      ThrottlingRateLimit: 5,
    });
    expect(updated.StageVariables).toEqual({ a: "1", c: "3" });
    expect(updated.Description).toBe("live");
    const dup = await errorOf(() =>
      t.v2.send(new CreateStageCommand({ ApiId: api.ApiId, StageName: "prod" })),
    );
    expect(dup.name).toBe("ConflictException");
    const del = await t.v2.send(new DeleteStageCommand({ ApiId: api.ApiId, StageName: "prod" }));
    expect(del.$metadata.httpStatusCode).toBe(204);
    const gone = await errorOf(() => t.v2.send(new GetStageCommand({ ApiId: api.ApiId, StageName: "prod" })));
    expect(gone.name).toBe("NotFoundException");
  });

  it("deploys to a stage; refuses a deploymentId update while autoDeploy is on", async () => {
    const api = await t.v2.send(new CreateApiCommand({ Name: "deploys", ProtocolType: "HTTP" }));
    await t.v2.send(new CreateStageCommand({ ApiId: api.ApiId, StageName: "dev" }));
    const d = await t.v2.send(
      new CreateDeploymentCommand({ ApiId: api.ApiId, StageName: "dev", Description: "first" }),
    );
    expect(d).toMatchObject({ AutoDeployed: false, DeploymentStatus: "DEPLOYED", Description: "first" });
    expect((await t.v2.send(new GetStageCommand({ ApiId: api.ApiId, StageName: "dev" }))).DeploymentId).toBe(
      d.DeploymentId,
    );
    expect(
      (await t.v2.send(new GetDeploymentsCommand({ ApiId: api.ApiId }))).Items?.map((i) => i.DeploymentId),
    ).toEqual([d.DeploymentId]);
    expect(
      (await t.v2.send(new GetDeploymentCommand({ ApiId: api.ApiId, DeploymentId: d.DeploymentId })))
        .Description,
    ).toBe("first");
    const auto = await t.v2.send(
      new CreateStageCommand({ ApiId: api.ApiId, StageName: "auto", AutoDeploy: true }),
    );
    expect(auto.DeploymentId).toBeTruthy();
    const e = await errorOf(() =>
      t.v2.send(
        new UpdateStageCommand({ ApiId: api.ApiId, StageName: "auto", DeploymentId: d.DeploymentId }),
      ),
    );
    expect(e.name).toBe("BadRequestException");
    expect(e.message).toContain("autoDeploy");
    const nf = await errorOf(() =>
      t.v2.send(new GetDeploymentCommand({ ApiId: api.ApiId, DeploymentId: "nope" })),
    );
    expect(nf.$metadata?.httpStatusCode).toBe(404);
    const stages = await t.v2.send(new GetStagesCommand({ ApiId: api.ApiId }));
    expect(stages.Items?.map((s) => s.StageName).sort()).toEqual(["auto", "dev"]);
  });

  it("validates route settings", async () => {
    const api = await t.v2.send(new CreateApiCommand({ Name: "bad", ProtocolType: "HTTP" }));
    const e = await errorOf(() =>
      t.v2.send(
        new CreateStageCommand({
          ApiId: api.ApiId,
          StageName: "x",
          DefaultRouteSettings: { ThrottlingBurstLimit: -1 },
        }),
      ),
    );
    expect(e.name).toBe("BadRequestException");
  });
});
