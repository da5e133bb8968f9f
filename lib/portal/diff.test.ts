import { describe, expect, it } from "vitest";
import { apiSummaryOf, diffApiSummary, diffOpenApi } from "./diff";
import { exampleOperation, type OpenApiDoc } from "./openapi";

const base: OpenApiDoc = {
  openapi: "3.0.1",
  paths: {
    "/orders": {
      get: { responses: { "200": {} } },
      post: {
        security: [{ api_key: [] }],
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/New" } } } },
        responses: { "201": {}, "400": {} },
      },
    },
    "/orders/{id}": {
      get: { parameters: [{ name: "id", in: "path", required: true }], responses: { "200": {} } },
    },
  },
  components: { schemas: { New: { type: "object", required: ["sku"], properties: { sku: {}, qty: {} } } } },
};
const clone = (): OpenApiDoc => structuredClone(base);
const post = (d: OpenApiDoc) => d.paths!["/orders"]!.post as Record<string, unknown>;

describe("diffOpenApi", () => {
  it("finds nothing between equal documents", () => {
    expect(diffOpenApi(base, clone())).toEqual([]);
  });

  it("marks an added operation as not breaking and a removed one as breaking", () => {
    const next = clone();
    next.paths!["/refunds"] = { post: { responses: { "201": {} } } };
    delete next.paths!["/orders/{id}"];
    expect(diffOpenApi(base, next)).toEqual([
      {
        operation: "GET /orders/{id}",
        kind: "removed",
        breaking: true,
        details: ["Breaking: operation removed"],
      },
      { operation: "POST /refunds", kind: "added", breaking: false, details: [] },
    ]);
  });

  it.each([
    [
      "a new required query parameter",
      (d: OpenApiDoc) =>
        ((d.paths!["/orders"]!.get as Record<string, unknown>).parameters = [
          { name: "page", in: "query", required: true },
        ]),
      "Breaking: required query parameter page added",
      true,
    ],
    [
      "a new optional query parameter",
      (d: OpenApiDoc) =>
        ((d.paths!["/orders"]!.get as Record<string, unknown>).parameters = [{ name: "page", in: "query" }]),
      "optional query parameter page added",
      false,
    ],
    [
      "a body field that became required",
      (d: OpenApiDoc) =>
        (d.components!.schemas!.New = {
          type: "object",
          required: ["sku", "qty"],
          properties: { sku: {}, qty: {} },
        }),
      "Breaking: body field qty is now required",
      true,
    ],
    [
      "a removed response code",
      (d: OpenApiDoc) => (post(d).responses = { "201": {} }),
      "Breaking: response 400 removed",
      true,
    ],
    [
      "an added response code",
      (d: OpenApiDoc) => (post(d).responses = { "201": {}, "400": {}, "409": {} }),
      "response 409 added",
      false,
    ],
    [
      "a key newly required",
      (d: OpenApiDoc) => ((d.paths!["/orders"]!.get as Record<string, unknown>).security = [{ api_key: [] }]),
      "Breaking: an API key is now required",
      true,
    ],
  ])("reports %s", (_name, change, detail, breaking) => {
    const next = clone();
    change(next);
    const [c, ...rest] = diffOpenApi(base, next);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ kind: "changed", breaking });
    expect(c!.details).toEqual([detail]);
  });
});

describe("diffApiSummary", () => {
  it("compares operations and key requirements of two deployments", () => {
    const before = { "/a": { GET: { apiKeyRequired: false } }, "/b": { GET: { apiKeyRequired: true } } };
    const after = { "/a": { GET: { apiKeyRequired: true } }, "/c": { POST: { apiKeyRequired: true } } };
    expect(diffApiSummary(before, after).map((c) => [c.operation, c.kind, c.breaking])).toEqual([
      ["GET /a", "changed", true],
      ["GET /b", "removed", true],
      ["POST /c", "added", false],
    ]);
  });
});

describe("exampleOperation", () => {
  it("prefers a GET without required parameters", () => {
    expect(exampleOperation(base)?.key).toBe("GET /orders");
    const withHealth = clone();
    withHealth.paths!["/health"] = { get: { responses: { "200": {} } } };
    (withHealth.paths!["/orders"]!.get as Record<string, unknown>).security = [{ api_key: [] }];
    expect(exampleOperation(withHealth)?.key).toBe("GET /orders");
    const onlyParam = clone();
    delete (onlyParam.paths!["/orders"] as Record<string, unknown>).get;
    expect(exampleOperation(onlyParam)?.key).toBe("GET /orders/{id}");
    expect(exampleOperation({ paths: {} })).toBeNull();
  });
});

describe("apiSummaryOf", () => {
  const schemes = {
    api_key: { type: "apiKey", name: "x-api-key", in: "header" },
    sigv4: {
      type: "apiKey",
      name: "Authorization",
      in: "header",
      "x-amazon-apigateway-authtype": "awsSigv4",
    },
    lambda: { type: "apiKey", name: "Authorization", in: "header", "x-amazon-apigateway-authtype": "custom" },
    keyAsQuery: { type: "apiKey", name: "x-api-key", in: "query" },
  };
  it.each<[string, unknown[] | undefined, boolean]>([
    ["no security", undefined, false],
    ["the API key scheme", [{ api_key: [] }], true],
    ["IAM only", [{ sigv4: [] }], false],
    ["a Lambda authorizer only", [{ lambda: [] }], false],
    ["a Lambda authorizer and the key", [{ lambda: [], api_key: [] }], true],
    ["an apiKey scheme that is not API Gateway's header", [{ keyAsQuery: [] }], false],
  ])("%s", (_name, security, expected) => {
    const doc = {
      paths: { "/pets": { get: security ? { security } : {} } },
      components: { securitySchemes: schemes },
    };
    expect(apiSummaryOf(doc)).toEqual({ "/pets": { GET: { apiKeyRequired: expected } } });
  });
  it("keys ANY and every path, and trusts the name api_key when schemes are missing", () => {
    expect(
      apiSummaryOf({
        paths: {
          "/": { "x-amazon-apigateway-any-method": { security: [{ api_key: [] }] } },
          "/a": { post: {}, options: {} },
        },
      }),
    ).toEqual({
      "/": { ANY: { apiKeyRequired: true } },
      "/a": { POST: { apiKeyRequired: false }, OPTIONS: { apiKeyRequired: false } },
    });
  });
});
