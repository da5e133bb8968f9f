import {
  CreateApiCommand,
  CreateRouteCommand,
  CreateStageCommand,
  DeleteRouteCommand,
  GetRouteCommand,
  GetRoutesCommand,
  GetStageCommand,
  UpdateRouteCommand,
} from "@aws-sdk/client-apigatewayv2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, startTestGateway, type TestGateway } from "../test-helpers";

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.stop());

describe("v2 routes", () => {
  it("creates, lists (paged), reads, updates and deletes HTTP API routes", async () => {
    const api = await t.v2.send(new CreateApiCommand({ Name: "routes-http", ProtocolType: "HTTP" }));
    const id = api.ApiId!;
    const pets = await t.v2.send(
      new CreateRouteCommand({ ApiId: id, RouteKey: "GET /pets", Target: "integrations/abc1234" }),
    );
    expect(pets.$metadata.httpStatusCode).toBe(201);
    expect(pets).toMatchObject({
      RouteKey: "GET /pets",
      Target: "integrations/abc1234",
      ApiKeyRequired: false,
      AuthorizationType: "NONE",
    });
    await t.v2.send(new CreateRouteCommand({ ApiId: id, RouteKey: "$default" }));
    await t.v2.send(
      new CreateRouteCommand({
        ApiId: id,
        RouteKey: "POST /pets",
        AuthorizationType: "JWT",
        AuthorizerId: "auth123",
      }),
    );
    const first = await t.v2.send(new GetRoutesCommand({ ApiId: id, MaxResults: "2" }));
    expect(first.Items?.map((r) => r.RouteKey)).toEqual(["$default", "GET /pets"]);
    const rest = await t.v2.send(new GetRoutesCommand({ ApiId: id, NextToken: first.NextToken }));
    expect(rest.Items?.map((r) => r.RouteKey)).toEqual(["POST /pets"]);
    expect(rest.NextToken).toBeUndefined();
    const updated = await t.v2.send(
      new UpdateRouteCommand({ ApiId: id, RouteId: pets.RouteId, Target: "integrations/xyz9876" }),
    );
    expect(updated.Target).toBe("integrations/xyz9876");
    expect((await t.v2.send(new GetRouteCommand({ ApiId: id, RouteId: pets.RouteId }))).Target).toBe(
      "integrations/xyz9876",
    );
    await t.v2.send(new DeleteRouteCommand({ ApiId: id, RouteId: pets.RouteId }));
    expect(
      (await errorOf(() => t.v2.send(new GetRouteCommand({ ApiId: id, RouteId: pets.RouteId })))).name,
    ).toBe("NotFoundException");
  });

  it("refuses bad route keys, duplicates, bad targets and WebSocket-only or authorizer-less settings", async () => {
    const api = await t.v2.send(new CreateApiCommand({ Name: "routes-bad", ProtocolType: "HTTP" }));
    const id = api.ApiId!;
    await t.v2.send(new CreateRouteCommand({ ApiId: id, RouteKey: "GET /a" }));
    const dup = await errorOf(() => t.v2.send(new CreateRouteCommand({ ApiId: id, RouteKey: "GET /a" })));
    expect(dup.name).toBe("ConflictException");
    for (const input of [
      { RouteKey: "pets" },
      { RouteKey: "GET /b", Target: "http://example.com" },
      { RouteKey: "GET /c", ApiKeyRequired: true },
      { RouteKey: "GET /d", AuthorizationType: "JWT" as const },
    ]) {
      const e = await errorOf(() => t.v2.send(new CreateRouteCommand({ ApiId: id, ...input })));
      expect(e.name, JSON.stringify(input)).toBe("BadRequestException");
    }
    expect((await t.v2.send(new GetRoutesCommand({ ApiId: id }))).Items?.map((r) => r.RouteKey)).toEqual([
      "GET /a",
    ]);
  });

  it("WebSocket routes may require a key; quick create makes a managed $default route", async () => {
    const ws = await t.v2.send(
      new CreateApiCommand({
        Name: "routes-ws",
        ProtocolType: "WEBSOCKET",
        RouteSelectionExpression: "$request.body.action",
      }),
    );
    const connect = await t.v2.send(
      new CreateRouteCommand({ ApiId: ws.ApiId, RouteKey: "$connect", ApiKeyRequired: true }),
    );
    expect(connect.ApiKeyRequired).toBe(true);
    const quick = await t.v2.send(
      new CreateApiCommand({ Name: "routes-quick", ProtocolType: "HTTP", Target: "https://example.com" }),
    );
    const [route] = (await t.v2.send(new GetRoutesCommand({ ApiId: quick.ApiId }))).Items ?? [];
    expect(route).toMatchObject({ RouteKey: "$default", ApiGatewayManaged: true });
    expect(route?.Target).toMatch(/^integrations\/[A-Za-z0-9]+$/);
  });

  it("deploys a route change to autoDeploy stages", async () => {
    const api = await t.v2.send(new CreateApiCommand({ Name: "routes-auto", ProtocolType: "HTTP" }));
    await t.v2.send(new CreateStageCommand({ ApiId: api.ApiId, StageName: "live", AutoDeploy: true }));
    const before = (await t.v2.send(new GetStageCommand({ ApiId: api.ApiId, StageName: "live" })))
      .DeploymentId;
    await t.v2.send(new CreateRouteCommand({ ApiId: api.ApiId, RouteKey: "GET /x" }));
    const after = (await t.v2.send(new GetStageCommand({ ApiId: api.ApiId, StageName: "live" })))
      .DeploymentId;
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
  });
});
