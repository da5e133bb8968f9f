import {
  CreateDeploymentCommand,
  GetExportCommand,
  GetMethodCommand,
  GetResourcesCommand,
  ImportRestApiCommand,
  PutRestApiCommand,
} from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, startTestGateway, type TestGateway } from "../test-helpers";

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.stop());

const yamlDoc = `
openapi: 3.0.1
info:
  title: weather
  version: "1.0"
paths:
  /forecast/{city}:
    get:
      operationId: getForecast
      parameters:
        - name: city
          in: path
          required: true
      security:
        - api_key: []
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        uri: http://127.0.0.1:9/forecast/{city}
        requestParameters:
          integration.request.path.city: method.request.path.city
  /health:
    get:
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates:
          application/json: '{"statusCode": 200}'
        responses:
          default:
            statusCode: "200"
            responseTemplates:
              application/json: '{"ok": true}'
components:
  securitySchemes:
    api_key:
      type: apiKey
      name: x-api-key
      in: header
`;

const enc = (s: string) => new TextEncoder().encode(s);

interface ExportedDoc {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, Record<string, unknown>>>;
}
const op = (doc: ExportedDoc, path: string, method: string) => doc.paths[path]?.[method] ?? {};

describe("ImportRestApi / PutRestApi / GetExport", () => {
  it("imports YAML OpenAPI 3 with http_proxy, mock and api-key security", async () => {
    const api = await t.v1.send(new ImportRestApiCommand({ body: enc(yamlDoc) }));
    expect(api.$metadata.httpStatusCode).toBe(201);
    expect(api).toMatchObject({ name: "weather", version: "1.0" });
    const res = await t.v1.send(new GetResourcesCommand({ restApiId: api.id, embed: ["methods"] }));
    const byPath = Object.fromEntries((res.items ?? []).map((r) => [r.path, r]));
    expect(Object.keys(byPath).sort()).toEqual(["/", "/forecast", "/forecast/{city}", "/health"]);
    const get = byPath["/forecast/{city}"]!.resourceMethods!.GET!;
    expect(get).toMatchObject({
      apiKeyRequired: true,
      operationName: "getForecast",
      requestParameters: { "method.request.path.city": true },
    });
    expect(get.methodIntegration).toMatchObject({
      type: "HTTP_PROXY",
      httpMethod: "GET",
      uri: "http://127.0.0.1:9/forecast/{city}",
    });
    const health = await t.v1.send(
      new GetMethodCommand({ restApiId: api.id, resourceId: byPath["/health"]!.id, httpMethod: "GET" }),
    );
    expect(health.apiKeyRequired).toBe(false);
    expect(health.methodIntegration?.type).toBe("MOCK");
    expect(health.methodIntegration?.integrationResponses?.["200"]?.responseTemplates).toEqual({
      "application/json": '{"ok": true}',
    });
  });

  it("rejects a non-OpenAPI-3 body and a bad integration with 400", async () => {
    const swagger = await errorOf(() =>
      t.v1.send(new ImportRestApiCommand({ body: enc('{"swagger":"2.0","paths":{}}') })),
    );
    expect(swagger.name).toBe("BadRequestException");
    const bad = await errorOf(() =>
      t.v1.send(
        new ImportRestApiCommand({
          body: enc(
            JSON.stringify({
              openapi: "3.0.1",
              info: { title: "x" },
              paths: {
                "/a": {
                  get: {
                    "x-amazon-apigateway-integration": { type: "http_proxy", httpMethod: "GET", uri: "nope" },
                  },
                },
              },
            }),
          ),
        }),
      ),
    );
    expect(bad.message).toContain("Invalid HTTP endpoint specified for URI");
  });

  it("merges by default and overwrites with mode=overwrite", async () => {
    const api = await t.v1.send(new ImportRestApiCommand({ body: enc(yamlDoc) }));
    const extra = JSON.stringify({
      openapi: "3.0.1",
      info: { title: "weather" },
      paths: { "/extra": { post: { "x-amazon-apigateway-integration": { type: "mock" } } } },
    });
    await t.v1.send(new PutRestApiCommand({ restApiId: api.id, body: enc(extra) }));
    let paths = (await t.v1.send(new GetResourcesCommand({ restApiId: api.id })))
      .items!.map((r) => r.path)
      .sort();
    expect(paths).toContain("/health");
    expect(paths).toContain("/extra");
    const put = await t.v1.send(
      new PutRestApiCommand({ restApiId: api.id, mode: "overwrite", body: enc(extra) }),
    );
    expect(put.$metadata.httpStatusCode).toBe(200);
    paths = (await t.v1.send(new GetResourcesCommand({ restApiId: api.id })))
      .items!.map((r) => r.path)
      .sort();
    expect(paths).toEqual(["/", "/extra"]);
  });

  it("exports the deployed stage as oas30 JSON, with integrations on request", async () => {
    const api = await t.v1.send(new ImportRestApiCommand({ body: enc(yamlDoc) }));
    await t.v1.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: "prod" }));
    const out = await t.v1.send(
      new GetExportCommand({
        restApiId: api.id,
        stageName: "prod",
        exportType: "oas30",
        accepts: "application/json",
      }),
    );
    const doc = JSON.parse(new TextDecoder().decode(out.body)) as ExportedDoc;
    expect(doc.openapi).toBe("3.0.1");
    expect(doc.info.title).toBe("weather");
    expect(op(doc, "/forecast/{city}", "get").security).toEqual([{ api_key: [] }]);
    expect(op(doc, "/forecast/{city}", "get")).not.toHaveProperty("x-amazon-apigateway-integration");
    const withExt = await t.v1.send(
      new GetExportCommand({
        restApiId: api.id,
        stageName: "prod",
        exportType: "oas30",
        parameters: { extensions: "apigateway" },
      }),
    );
    const doc2 = JSON.parse(new TextDecoder().decode(withExt.body)) as ExportedDoc;
    expect(op(doc2, "/health", "get")["x-amazon-apigateway-integration"]).toMatchObject({ type: "mock" });
    // Round trip: the export imports again.
    const again = await t.v1.send(new ImportRestApiCommand({ body: withExt.body! }));
    expect(again.name).toBe("weather");
    const swagger = await errorOf(() =>
      t.v1.send(new GetExportCommand({ restApiId: api.id, stageName: "prod", exportType: "swagger" })),
    );
    expect(swagger.name).toBe("BadRequestException");
  });
});
