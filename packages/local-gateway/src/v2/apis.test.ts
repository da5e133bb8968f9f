import {
  CreateApiCommand,
  DeleteApiCommand,
  GetApiCommand,
  GetApisCommand,
  GetStageCommand,
  UpdateStageCommand,
} from "@aws-sdk/client-apigatewayv2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, startTestGateway, type TestGateway } from "../test-helpers";

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.stop());

describe("v2 APIs", () => {
  it("creates HTTP and WEBSOCKET APIs with ISO-8601 dates and a local apiEndpoint", async () => {
    const http = await t.v2.send(new CreateApiCommand({ Name: "http-api", ProtocolType: "HTTP" }));
    expect(http.$metadata.httpStatusCode).toBe(201);
    expect(http.ApiEndpoint).toBe(`${t.gw.url}/v2-apis/${http.ApiId}`);
    expect(http.RouteSelectionExpression).toBe("$request.method $request.path");
    const ws = await t.v2.send(
      new CreateApiCommand({
        Name: "ws-api",
        ProtocolType: "WEBSOCKET",
        RouteSelectionExpression: "$request.body.action",
      }),
    );
    expect(ws.ApiEndpoint).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/v2-apis\//);
    const raw = (await (await t.raw(`/v2/apis/${http.ApiId}`)).json()) as Record<string, unknown>;
    expect(raw.createdDate).toBe(new Date(t.clock.now()).toISOString().replace(/\.\d{3}Z$/, "Z"));
    expect(raw.apiId).toBe(http.ApiId);
    const missing = await errorOf(() =>
      t.v2.send(new CreateApiCommand({ Name: "ws2", ProtocolType: "WEBSOCKET" })),
    );
    expect(missing.name).toBe("BadRequestException");
  });

  it("pages with maxResults/nextToken", async () => {
    for (let i = 0; i < 3; i++)
      await t.v2.send(new CreateApiCommand({ Name: `p${i}`, ProtocolType: "HTTP" }));
    const all = (await t.v2.send(new GetApisCommand({}))).Items!.length;
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await t.v2.send(new GetApisCommand({ MaxResults: "2", NextToken: token }));
      seen.push(...page.Items!.map((a) => a.ApiId!));
      token = page.NextToken;
      pages++;
    } while (token && pages < 20);
    expect(seen.length).toBe(all);
    expect(new Set(seen).size).toBe(all);
    const raw = (await (await t.raw(`/v2/apis?maxResults=500`)).json()) as Record<string, unknown>;
    expect(raw).not.toHaveProperty("nextToken");
  });

  it("deletes with 204, then 404 NotFoundException with AWS's message", async () => {
    const api = await t.v2.send(new CreateApiCommand({ Name: "gone", ProtocolType: "HTTP" }));
    const del = await t.v2.send(new DeleteApiCommand({ ApiId: api.ApiId }));
    expect(del.$metadata.httpStatusCode).toBe(204);
    const e = await errorOf(() => t.v2.send(new GetApiCommand({ ApiId: api.ApiId })));
    expect(e.name).toBe("NotFoundException");
    expect(e.message).toBe(`Invalid API identifier specified 000000000000:${api.ApiId}`);
    const res = await t.raw(`/v2/apis/${api.ApiId}`);
    expect(res.headers.get("x-amzn-errortype")).toBe("NotFoundException");
    expect(await res.json()).toMatchObject({ resourceType: "Api" });
  });

  it("quick create makes the managed $default stage, which cannot be modified", async () => {
    const api = await t.v2.send(
      new CreateApiCommand({ Name: "quick", ProtocolType: "HTTP", Target: "http://127.0.0.1:9" }),
    );
    const s = await t.v2.send(new GetStageCommand({ ApiId: api.ApiId, StageName: "$default" }));
    expect(s).toMatchObject({ AutoDeploy: true, ApiGatewayManaged: true });
    expect(s.DeploymentId).toBeTruthy();
    const e = await errorOf(() =>
      t.v2.send(new UpdateStageCommand({ ApiId: api.ApiId, StageName: "$default", Description: "x" })),
    );
    expect(e.name).toBe("BadRequestException");
  });
});
