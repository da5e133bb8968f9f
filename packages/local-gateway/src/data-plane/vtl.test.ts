import { describe, expect, it } from "vitest";
import type { Integration } from "../state/types";
import { customDomainTarget, hostName } from "./custom-domain";
import { mockNeedsVtl, renderMockResponse } from "./mock";
import { escapeJavaScript, jsonPathSteps, renderTemplate, type TemplateRequest } from "./vtl";

const request: TemplateRequest = {
  requestId: "req-1",
  apigwId: "gw-1=",
  apiId: "abc123",
  accountId: "000000000000",
  stage: "prod",
  resourceId: "r1",
  resourcePath: "/pets/{id}",
  httpMethod: "POST",
  path: "/pets/7",
  isCanary: false,
  sourceIp: "127.0.0.1",
  headers: { host: "x", "X-Trace": "t-1", "user-agent": "curl" },
  query: { q: "cats" },
  pathParams: { id: "7" },
  stageVariables: { tier: "gold" },
  body: '{"name":"Rex","tags":["a","b"],"owner":{"id":3}}',
  apiKey: "k".repeat(20),
  apiKeyId: "key1",
  nowMs: Date.UTC(2026, 0, 15, 12),
};

describe("renderTemplate", () => {
  it("fills $context, $stageVariables and $input.params", () => {
    const out = renderTemplate(
      '{"s":"$context.stage","api":"$context.apiId","path":"$context.resourcePath","tier":"$stageVariables.tier","id":"$input.params(\'id\')","q":"$input.params(\'q\')","trace":"$input.params(\'x-trace\')","canary":"$context.isCanaryRequest","key":"$context.identity.apiKeyId"}',
      request,
    );
    expect(JSON.parse(out)).toEqual({
      s: "prod",
      api: "abc123",
      path: "/pets/{id}",
      tier: "gold",
      id: "7",
      q: "cats",
      trace: "t-1",
      canary: "false",
      key: "key1",
    });
  });

  it("evaluates $input.json / $input.path, #set, #if and #foreach", () => {
    const out = renderTemplate(
      "#set($b = $input.path('$'))#if($b.owner.id == 3)owner=$b.owner.id #end tags=#foreach($t in $b.tags)$t#if($foreach.hasNext),#end#end json=$input.json('$.owner') name=$input.json('$.name')",
      request,
    );
    expect(out).toBe('owner=3  tags=a,b json={"id":3} name="Rex"');
  });

  it("renders undefined references as nothing, as API Gateway does", () => {
    expect(renderTemplate("[$context.nope][$stageVariables.missing][$input.json('$.none')]", request)).toBe(
      "[][][]",
    );
  });

  it("escapes for JavaScript with $util.escapeJavaScript", () => {
    expect(renderTemplate("$util.escapeJavaScript($input.body)", { ...request, body: `a"b'c\n` })).toBe(
      `a\\"b\\'c\\n`,
    );
    expect(escapeJavaScript("x\\y")).toBe("x\\\\y");
  });

  it("leaves a template without VTL untouched", () => {
    expect(renderTemplate('{"ok":true}', request)).toBe('{"ok":true}');
  });
});

describe("jsonPathSteps", () => {
  it.each([
    ["$", []],
    ["$.a.b", ["a", "b"]],
    ["$.a[0]['c d']", ["a", 0, "c d"]],
  ])("%s", (path, steps) => expect(jsonPathSteps(path)).toEqual(steps));
  it("refuses other syntax", () => expect(() => jsonPathSteps("a.b")).toThrow("Invalid JSONPath"));
});

describe("renderMockResponse", () => {
  const integration: Integration = {
    type: "MOCK",
    timeoutInMillis: 29_000,
    requestTemplates: {
      "application/json":
        '#if($input.params(\'id\') == "404"){"statusCode": 404}#{else}{"statusCode": 200}#end',
    },
    integrationResponses: {
      "200": {
        statusCode: "200",
        responseTemplates: {
          "application/json": '{"id": "$input.params(\'id\')", "stage": "$context.stage"}',
        },
        responseParameters: { "method.response.header.X-Tier": "'gold'" },
      },
      "404": { statusCode: "404", selectionPattern: "404", responseTemplates: { "application/json": "{}" } },
    },
  };

  it("selects the response by the rendered status code and renders its template", () => {
    expect(mockNeedsVtl(integration)).toBe(true);
    const ok = renderMockResponse(integration, request, "application/json");
    expect(ok?.status).toBe(200);
    expect(JSON.parse(ok!.body.toString())).toEqual({ id: "7", stage: "prod" });
    expect(ok?.headers).toEqual({ "X-Tier": "gold" });
    const missing = renderMockResponse(integration, { ...request, pathParams: { id: "404" } }, undefined);
    expect(missing?.status).toBe(404);
  });
});

describe("custom domains", () => {
  const state = {
    domainNames: {
      "api.example.com": {
        domainName: "api.example.com",
        endpointConfiguration: { types: ["EDGE"] },
        securityPolicy: "TLS_1_2",
        domainNameStatus: "AVAILABLE" as const,
        createdDate: 0,
        tags: {},
        basePathMappings: {
          v1: { basePath: "v1", restApiId: "a1", stage: "prod" },
          "(none)": { basePath: "(none)", restApiId: "a2" },
        },
      },
    },
  } as unknown as Parameters<typeof customDomainTarget>[0];

  it("maps Host + base path to the stage's execute-api path, keeping the query", () => {
    expect(hostName("API.example.com:4566")).toBe("api.example.com");
    expect(customDomainTarget(state, "api.example.com:4566", "/v1/pets/7?x=1")).toBe(
      "/restapis/a1/prod/_user_request_/pets/7?x=1",
    );
    // The (none) mapping without a stage takes the stage from the path.
    expect(customDomainTarget(state, "api.example.com", "/beta/pets")).toBe(
      "/restapis/a2/beta/_user_request_/pets",
    );
    expect(customDomainTarget(state, "other.example.com", "/v1/pets")).toBeUndefined();
  });
});
