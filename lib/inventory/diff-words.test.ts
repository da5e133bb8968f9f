import { describe, expect, it } from "vitest";
import type { PlanDto } from "@/lib/aws/usage-plans";
import type { HttpStageDto, RestStageDto } from "@/lib/stages/types";
import type { V2RouteDto } from "@/lib/stages/types";
import { httpStageDiff, methodLabel, planDiff, restStageDiff, routesDiff } from "./diff-words";

const rest: RestStageDto = {
  restApiId: "a1",
  stageName: "prod",
  description: null,
  deploymentId: "7aknen",
  variables: { version: "v1" },
  methodSettings: [
    {
      key: "*/*",
      throttlingRateLimit: 100,
      throttlingBurstLimit: 200,
      cachingEnabled: false,
      cacheTtlInSeconds: null,
      metricsEnabled: false,
      loggingLevel: "OFF",
    },
  ],
  cacheClusterEnabled: false,
  cacheClusterSize: null,
  cacheClusterStatus: null,
  tracingEnabled: false,
  canary: { deploymentId: "c1", percentTraffic: 10, stageVariableOverrides: {}, useStageCache: false },
  createdDate: null,
  lastUpdatedDate: "2026-12-01T10:00:00.000Z",
};
const ms = rest.methodSettings[0]!;

describe("restStageDiff", () => {
  it.each<[string, Partial<RestStageDto>, string[]]>([
    ["nothing", {}, []],
    ["only lastUpdatedDate (not a visible change)", { lastUpdatedDate: "2026-12-02T00:00:00.000Z" }, []],
    ["deployment", { deploymentId: "o7uq3e" }, ["deployment 7aknen → o7uq3e"]],
    ["variable changed", { variables: { version: "v2" } }, ["stage variable `version` v1 → v2"]],
    [
      "variable added and removed",
      { variables: { color: "blue" } },
      ["stage variable `color` added: blue", "stage variable `version` removed (was v1)"],
    ],
    [
      "default-route throttling",
      { methodSettings: [{ ...ms, throttlingRateLimit: 50 }] },
      ["throttling rate 100 → 50 req/s on prod, default route"],
    ],
    [
      "a method setting added",
      {
        methodSettings: [
          ms,
          { ...ms, key: "~1pets~1{id}/GET", throttlingBurstLimit: 5, throttlingRateLimit: null },
        ],
      },
      ["throttling burst none → 5 requests on prod, GET /pets/{id}"],
    ],
    [
      "the default-route settings removed",
      { methodSettings: [] },
      [
        "throttling rate 100 req/s → none on prod, default route",
        "throttling burst 200 requests → none on prod, default route",
      ],
    ],
    ["canary percentage", { canary: { ...rest.canary!, percentTraffic: 0 } }, ["canary 10 % → 0 %"]],
    ["canary removed", { canary: null }, ["canary removed (was 10 % to deployment c1)"]],
    [
      "cache and tracing",
      { cacheClusterEnabled: true, cacheClusterSize: "0.5", tracingEnabled: true },
      ["cache cluster off → 0.5 GB", "X-Ray tracing off → on"],
    ],
  ])("%s", (_name, patch, words) => {
    expect(restStageDiff(rest, { ...rest, ...patch })).toEqual(words);
  });

  it("describes a canary that starts", () => {
    expect(restStageDiff({ ...rest, canary: null }, rest)).toEqual(["canary started: 10 % to deployment c1"]);
  });
});

describe("methodLabel", () => {
  it.each([
    ["*/*", "default route"],
    ["~1pets/GET", "GET /pets"],
    ["~1/POST", "POST /"],
  ])("%s → %s", (key, label) => expect(methodLabel(key)).toBe(label));
});

const http: HttpStageDto = {
  apiId: "h1",
  stageName: "$default",
  description: null,
  deploymentId: "d1",
  autoDeploy: true,
  variables: {},
  defaultRouteSettings: { throttlingRateLimit: 10, throttlingBurstLimit: 20, detailedMetricsEnabled: false },
  routeSettings: {},
  lastUpdatedDate: null,
  createdDate: null,
};

describe("httpStageDiff", () => {
  it("names the route and stage", () => {
    expect(
      httpStageDiff(http, {
        ...http,
        autoDeploy: false,
        routeSettings: {
          "GET /pets": { throttlingRateLimit: 5, throttlingBurstLimit: null, detailedMetricsEnabled: false },
        },
      }),
    ).toEqual([
      "automatic deployment on → off",
      "throttling rate none → 5 req/s on $default, route GET /pets",
    ]);
  });
});

describe("planDiff", () => {
  const plan: PlanDto = {
    id: "p1",
    name: "Gold",
    description: null,
    rateLimit: 100,
    burstLimit: 200,
    quota: { limit: 1000, period: "MONTH", offset: 0 },
    apiStages: [{ apiId: "a1", stage: "prod", methodThrottles: {} }],
  };
  it("says throttle, quota and stage changes", () => {
    expect(
      planDiff(plan, {
        ...plan,
        rateLimit: 50,
        quota: null,
        apiStages: [{ apiId: "a1", stage: "dev", methodThrottles: {} }],
      }),
    ).toEqual([
      "throttling rate 100 → 50 req/s",
      "quota 1000 requests a month → none",
      "API stage a1/dev added",
      "API stage a1/prod removed",
    ]);
  });
});

describe("routesDiff", () => {
  const route = (id: string, routeKey: string, over: Partial<V2RouteDto> = {}): V2RouteDto => ({
    id,
    routeKey,
    target: "integrations/i1",
    apiKeyRequired: false,
    authorizationType: "NONE",
    ...over,
  });
  const base = [route("r1", "GET /pets"), route("r2", "$default")];
  it.each<[string, V2RouteDto[], string[]]>([
    ["nothing changed", base, []],
    ["a route added", [...base, route("r3", "POST /pets")], ["route POST /pets added"]],
    ["a route removed", [base[1]!], ["route GET /pets removed"]],
    [
      "a route re-created under a new id",
      [route("r9", "GET /pets"), base[1]!],
      ["route GET /pets added", "route GET /pets removed"],
    ],
    ["a key renamed", [route("r1", "GET /animals"), base[1]!], ["route GET /pets → GET /animals"]],
    [
      "target, authorization and key requirement",
      [
        route("r1", "GET /pets", {
          target: "integrations/i2",
          authorizationType: "JWT",
          apiKeyRequired: true,
        }),
        base[1]!,
      ],
      [
        "route GET /pets: target integrations/i1 → integrations/i2",
        "route GET /pets: authorization NONE → JWT",
        "route GET /pets: API key required off → on",
      ],
    ],
    [
      "a target removed",
      [route("r1", "GET /pets", { target: null }), base[1]!],
      ["route GET /pets: target integrations/i1 → none"],
    ],
  ])("%s", (_name, after, words) => {
    expect(routesDiff(base, after)).toEqual(words);
  });
});
