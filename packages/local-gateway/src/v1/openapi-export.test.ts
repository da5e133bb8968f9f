import { CreateDeploymentCommand, GetExportCommand, ImportRestApiCommand } from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { startTestGateway, type TestGateway } from "../test-helpers";

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.stop());

const definition = {
  openapi: "3.0.1",
  info: { title: "orders", description: "Orders of a shop", version: "2.1" },
  paths: {
    "/orders": {
      post: {
        operationId: "createOrder",
        summary: "Create an order",
        tags: ["orders"],
        security: [{ key: [] }],
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/NewOrder" } } },
        },
        responses: {
          "201": {
            description: "Created",
            headers: { Location: { required: true, schema: { type: "string" } } },
            content: { "application/json": { schema: { $ref: "#/components/schemas/Order" } } },
          },
          "400": {
            description: "Bad input",
            content: {
              "application/json": { schema: { type: "object", properties: { message: { type: "string" } } } },
            },
          },
        },
        "x-amazon-apigateway-integration": {
          type: "mock",
          requestTemplates: { "application/json": '{"statusCode": 201}' },
        },
      },
    },
    "/orders/{id}": {
      get: {
        operationId: "getOrder",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          { name: "expand", in: "query", schema: { type: "string" } },
          { name: "X-Trace", in: "header", required: true, schema: { type: "string" } },
        ],
        responses: {
          "200": {
            description: "The order",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Order" } } },
          },
        },
        "x-amazon-apigateway-integration": {
          type: "http_proxy",
          httpMethod: "GET",
          uri: "http://127.0.0.1:9/orders/{id}",
        },
      },
    },
  },
  components: {
    schemas: {
      NewOrder: {
        type: "object",
        required: ["sku"],
        properties: { sku: { type: "string" }, qty: { type: "integer" } },
      },
      Order: { type: "object", properties: { id: { type: "string" }, sku: { type: "string" } } },
    },
    securitySchemes: { key: { type: "apiKey", name: "x-api-key", in: "header" } },
  },
};

type Doc = {
  servers: { url: string }[];
  info: Record<string, string>;
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

async function exported(apiId: string, accepts = "application/json", extensions?: string) {
  const out = await t.v1.send(
    new GetExportCommand({
      restApiId: apiId,
      stageName: "live",
      exportType: "oas30",
      accepts,
      ...(extensions ? { parameters: { extensions } } : {}),
    }),
  );
  return { text: new TextDecoder().decode(out.body), type: out.contentType };
}

describe("GetExport oas30 of an imported API", () => {
  it("keeps operations, parameters, request bodies, responses, models and the key scheme", async () => {
    const api = await t.v1.send(
      new ImportRestApiCommand({ body: new TextEncoder().encode(JSON.stringify(definition)) }),
    );
    await t.v1.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: "live" }));
    const doc = JSON.parse((await exported(api.id!)).text) as Doc;
    expect(doc.info).toMatchObject({ title: "orders", description: "Orders of a shop", version: "2.1" });
    expect(doc.servers[0]!.url).toMatch(new RegExp(`/restapis/${api.id}/live/_user_request_$`));
    const post = doc.paths["/orders"]!.post!;
    expect(post).toMatchObject({
      operationId: "createOrder",
      summary: "Create an order",
      tags: ["orders"],
      security: [{ api_key: [] }],
      requestBody: {
        required: true,
        content: { "application/json": { schema: { $ref: "#/components/schemas/NewOrder" } } },
      },
    });
    const responses = post.responses as Record<string, Record<string, unknown>>;
    expect(Object.keys(responses)).toEqual(["201", "400"]);
    expect(responses["201"]).toMatchObject({
      description: "Created",
      headers: { Location: { required: true } },
      content: { "application/json": { schema: { $ref: "#/components/schemas/Order" } } },
    });
    // The inline 400 schema became a generated model the response refers to.
    const inline = (responses["400"]!.content as Record<string, { schema: { $ref: string } }>)[
      "application/json"
    ]!.schema.$ref;
    const inlineName = inline.split("/").pop()!;
    expect(inlineName).toMatch(/^MODEL/);
    expect(doc.components.schemas[inlineName]).toEqual({
      type: "object",
      properties: { message: { type: "string" } },
    });
    expect(doc.components.schemas.NewOrder).toEqual(definition.components.schemas.NewOrder);
    expect(doc.components.securitySchemes).toEqual({
      api_key: { type: "apiKey", name: "x-api-key", in: "header" },
    });
    const get = doc.paths["/orders/{id}"]!.get!;
    expect(get.parameters).toEqual([
      { name: "id", in: "path", required: true, schema: { type: "string" } },
      { name: "expand", in: "query", required: false, schema: { type: "string" } },
      { name: "X-Trace", in: "header", required: true, schema: { type: "string" } },
    ]);
    expect(get).not.toHaveProperty("security");
    expect(get).not.toHaveProperty("x-amazon-apigateway-integration");
  });

  it("adds integrations with extensions=apigateway and answers YAML when asked", async () => {
    const api = await t.v1.send(
      new ImportRestApiCommand({ body: new TextEncoder().encode(JSON.stringify(definition)) }),
    );
    await t.v1.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: "live" }));
    const out = await exported(api.id!, "application/yaml", "apigateway");
    expect(out.type).toBe("application/yaml");
    const doc = parseYaml(out.text) as Doc;
    expect(doc.paths["/orders/{id}"]!.get!["x-amazon-apigateway-integration"]).toMatchObject({
      type: "http_proxy",
      httpMethod: "GET",
      uri: "http://127.0.0.1:9/orders/{id}",
    });
    // Round trip: the export imports again with the same shape.
    const again = await t.v1.send(new ImportRestApiCommand({ body: new TextEncoder().encode(out.text) }));
    await t.v1.send(new CreateDeploymentCommand({ restApiId: again.id, stageName: "live" }));
    const doc2 = JSON.parse((await exported(again.id!)).text) as Doc;
    expect(doc2.paths).toEqual(JSON.parse((await exported(api.id!)).text).paths);
  });

  it("serves the deployed version: methods added after the deployment are not exported", async () => {
    const api = await t.v1.send(
      new ImportRestApiCommand({ body: new TextEncoder().encode(JSON.stringify(definition)) }),
    );
    await t.v1.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: "live" }));
    const { PutRestApiCommand } = await import("@aws-sdk/client-api-gateway");
    const extra = {
      openapi: "3.0.1",
      info: { title: "orders" },
      paths: { "/refunds": { post: { "x-amazon-apigateway-integration": { type: "mock" } } } },
    };
    await t.v1.send(
      new PutRestApiCommand({ restApiId: api.id, body: new TextEncoder().encode(JSON.stringify(extra)) }),
    );
    expect(Object.keys((JSON.parse((await exported(api.id!)).text) as Doc).paths)).not.toContain("/refunds");
    await t.v1.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: "live" }));
    expect(Object.keys((JSON.parse((await exported(api.id!)).text) as Doc).paths)).toContain("/refunds");
  });
});
