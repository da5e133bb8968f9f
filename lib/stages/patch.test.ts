import { describe, expect, it } from "vitest";
import type { StageChange } from "@/lib/schemas/stages";
import {
  describeStageChange,
  httpStageUpdate,
  isDestructiveStageChange,
  previewStageChange,
  stagePatchCalls,
} from "./changes";
import {
  cacheClusterPatch,
  methodSettingPrefix,
  methodTargetOfKey,
  observabilityPatch,
  promoteCanaryPatches,
  STAGE_WIDE,
  variablesPatch,
} from "./patch";
import type { HttpStageDto, RestStageDto } from "./types";
import { stageVersion } from "./version";

const stage = (over: Partial<RestStageDto> = {}): RestStageDto => ({
  restApiId: "a1",
  stageName: "prod",
  description: null,
  deploymentId: "d1",
  variables: { upstream: "host:1", version: "v1" },
  methodSettings: [],
  cacheClusterEnabled: false,
  cacheClusterSize: null,
  cacheClusterStatus: "NOT_AVAILABLE",
  tracingEnabled: false,
  canary: null,
  createdDate: null,
  lastUpdatedDate: null,
  ...over,
});
const canary = {
  deploymentId: "d2",
  percentTraffic: 25,
  stageVariableOverrides: { version: "v2" },
  useStageCache: false,
};

describe("method setting paths", () => {
  it.each([
    [STAGE_WIDE, "/*/*"],
    [{ resourcePath: "/pets", httpMethod: "GET" }, "/~1pets/GET"],
    [{ resourcePath: "/pets/{id}", httpMethod: "post" }, "/~1pets~1{id}/POST"],
    [{ resourcePath: "/", httpMethod: "GET" }, "/~1/GET"],
    [{ resourcePath: "/a~b", httpMethod: "GET" }, "/~1a~0b/GET"],
  ])("%j → %s", (target, prefix) => expect(methodSettingPrefix(target)).toBe(prefix));

  it.each([
    ["*/*", STAGE_WIDE],
    ["~1pets/GET", { resourcePath: "/pets", httpMethod: "GET" }],
    ["~1pets~1{id}/DELETE", { resourcePath: "/pets/{id}", httpMethod: "DELETE" }],
    ["pets/GET", { resourcePath: "/pets", httpMethod: "GET" }],
  ])("key %s → %j", (key, target) => expect(methodTargetOfKey(key)).toEqual(target));
});

describe("variablesPatch", () => {
  it.each([
    [
      "new and changed values replace, unchanged ones are left out",
      { set: { version: "v1", a: "1", upstream: "h:2" }, remove: [] },
      [
        { op: "replace", path: "/variables/a", value: "1" },
        { op: "replace", path: "/variables/upstream", value: "h:2" },
      ],
    ],
    [
      "removes only existing names",
      { set: {}, remove: ["version", "missing"] },
      [{ op: "remove", path: "/variables/version" }],
    ],
    [
      "a name both set and removed is set",
      { set: { version: "v3" }, remove: ["version"] },
      [{ op: "replace", path: "/variables/version", value: "v3" }],
    ],
    ["nothing to do", { set: { version: "v1" }, remove: [] }, []],
  ])("%s", (_n, change, ops) =>
    expect(variablesPatch({ upstream: "host:1", version: "v1" }, change)).toEqual(ops),
  );
});

describe("cacheClusterPatch and observabilityPatch", () => {
  it.each([
    [
      { enabled: false, size: null },
      { enabled: true, size: "0.5" },
      [
        { op: "replace", path: "/cacheClusterSize", value: "0.5" },
        { op: "replace", path: "/cacheClusterEnabled", value: "true" },
      ],
    ],
    [
      { enabled: true, size: "0.5" },
      { enabled: true, size: "6.1" },
      [{ op: "replace", path: "/cacheClusterSize", value: "6.1" }],
    ],
    [
      { enabled: true, size: "0.5" },
      { enabled: false, size: "0.5" },
      [{ op: "replace", path: "/cacheClusterEnabled", value: "false" }],
    ],
    [{ enabled: true, size: "0.5" }, { enabled: true, size: "0.5" }, []],
  ])("%j → %j", (cur, next, ops) => expect(cacheClusterPatch(cur, next)).toEqual(ops));

  it("switches only what changed, with AWS's paths", () => {
    const off = { metricsEnabled: false, loggingLevel: "OFF" as const, tracingEnabled: false };
    expect(
      observabilityPatch(off, { metricsEnabled: true, loggingLevel: "INFO", tracingEnabled: true }),
    ).toEqual([
      { op: "replace", path: "/*/*/metrics/enabled", value: "true" },
      { op: "replace", path: "/*/*/logging/loglevel", value: "INFO" },
      { op: "replace", path: "/tracingEnabled", value: "true" },
    ]);
    expect(observabilityPatch(off, { ...off, loggingLevel: "ERROR" })).toEqual([
      { op: "replace", path: "/*/*/logging/loglevel", value: "ERROR" },
    ]);
    expect(observabilityPatch(off, off)).toEqual([]);
  });
});

describe("stagePatchCalls", () => {
  const cases: [string, RestStageDto, StageChange, unknown][] = [
    [
      "stage-wide throttling",
      stage(),
      { kind: "throttling", target: STAGE_WIDE, rateLimit: 100, burstLimit: 50 },
      [
        [
          { op: "replace", path: "/*/*/throttling/rateLimit", value: "100" },
          { op: "replace", path: "/*/*/throttling/burstLimit", value: "50" },
        ],
      ],
    ],
    [
      "per-method throttling with a fractional rate",
      stage(),
      {
        kind: "throttling",
        target: { resourcePath: "/pets", httpMethod: "GET" },
        rateLimit: 2.5,
        burstLimit: 5,
      },
      [
        [
          { op: "replace", path: "/~1pets/GET/throttling/rateLimit", value: "2.5" },
          { op: "replace", path: "/~1pets/GET/throttling/burstLimit", value: "5" },
        ],
      ],
    ],
    [
      "remove a per-method override",
      stage(),
      { kind: "method-settings-remove", target: { resourcePath: "/pets", httpMethod: "GET" } },
      [[{ op: "remove", path: "/~1pets/GET" }]],
    ],
    [
      "per-method caching TTL",
      stage(),
      {
        kind: "caching",
        target: { resourcePath: "/pets", httpMethod: "GET" },
        enabled: true,
        ttlInSeconds: 60,
      },
      [
        [
          { op: "replace", path: "/~1pets/GET/caching/enabled", value: "true" },
          { op: "replace", path: "/~1pets/GET/caching/ttlInSeconds", value: "60" },
        ],
      ],
    ],
    [
      "stage-wide caching TTL",
      stage(),
      { kind: "caching", target: STAGE_WIDE, enabled: false, ttlInSeconds: 0 },
      [
        [
          { op: "replace", path: "/*/*/caching/enabled", value: "false" },
          { op: "replace", path: "/*/*/caching/ttlInSeconds", value: "0" },
        ],
      ],
    ],
    [
      "observability compares with the */* setting",
      stage({
        methodSettings: [
          {
            key: "*/*",
            throttlingRateLimit: 1,
            throttlingBurstLimit: 1,
            cachingEnabled: false,
            cacheTtlInSeconds: 300,
            metricsEnabled: true,
            loggingLevel: "ERROR",
          },
        ],
      }),
      { kind: "observability", metricsEnabled: true, loggingLevel: "ERROR", tracingEnabled: true },
      [[{ op: "replace", path: "/tracingEnabled", value: "true" }]],
    ],
    [
      "rollback",
      stage(),
      { kind: "rollback", deploymentId: "d0" },
      [[{ op: "replace", path: "/deploymentId", value: "d0" }]],
    ],
    [
      "start a canary on an existing deployment",
      stage(),
      {
        kind: "canary-start",
        deploymentId: "d2",
        percentTraffic: 25,
        stageVariableOverrides: { version: "v2" },
        useStageCache: true,
      },
      [
        [
          { op: "replace", path: "/canarySettings/deploymentId", value: "d2" },
          { op: "replace", path: "/canarySettings/percentTraffic", value: "25" },
          { op: "replace", path: "/canarySettings/useStageCache", value: "true" },
          { op: "replace", path: "/canarySettings/stageVariableOverrides/version", value: "v2" },
        ],
      ],
    ],
    [
      "change the canary percentage",
      stage({ canary }),
      { kind: "canary-percent", percentTraffic: 50 },
      [[{ op: "replace", path: "/canarySettings/percentTraffic", value: "50" }]],
    ],
    [
      "promote: AWS's copy operations, then remove the canary",
      stage({ canary }),
      { kind: "canary-promote" },
      [
        [
          { op: "replace", path: "/canarySettings/percentTraffic", value: "0.0" },
          { op: "copy", from: "/canarySettings/stageVariableOverrides", path: "/variables" },
          { op: "copy", from: "/canarySettings/deploymentId", path: "/deploymentId" },
        ],
        [{ op: "remove", path: "/canarySettings" }],
      ],
    ],
    ["abandon", stage({ canary }), { kind: "canary-abandon" }, [[{ op: "remove", path: "/canarySettings" }]]],
  ];
  it.each(cases)("%s", (_n, s, change, calls) => {
    expect(stagePatchCalls(s, change)).toEqual(calls);
    expect(describeStageChange(change)).not.toBe("");
    // The review dialog speaks before anything is applied: future tense, never "canary abandoned".
    expect(previewStageChange(change)).toMatch(/^This will /);
  });

  it("marks only the changes that take something away as destructive", () => {
    const kinds = cases.filter(([, , c]) => isDestructiveStageChange(c)).map(([, , c]) => c.kind);
    expect(new Set(kinds)).toEqual(new Set(["canary-abandon", "rollback", "method-settings-remove"]));
    expect(
      isDestructiveStageChange({ kind: "cache-cluster", enabled: false, size: "0.5" } as StageChange),
    ).toBe(true);
    expect(previewStageChange({ kind: "canary-abandon" })).toBe(
      "This will abandon the canary: every request goes back to the base deployment",
    );
  });

  it.each<[string, RestStageDto, StageChange, RegExp]>([
    ["promote without a canary", stage(), { kind: "canary-promote" }, /no canary to promote/],
    ["abandon without a canary", stage(), { kind: "canary-abandon" }, /no canary/],
    ["percent without a canary", stage(), { kind: "canary-percent", percentTraffic: 5 }, /no canary/],
    [
      "a second canary",
      stage({ canary }),
      {
        kind: "canary-start",
        deploymentId: "d3",
        percentTraffic: 5,
        stageVariableOverrides: {},
        useStageCache: false,
      },
      /already has a canary/,
    ],
    [
      "rollback under a canary",
      stage({ canary }),
      { kind: "rollback", deploymentId: "d0" },
      /Promote or abandon/,
    ],
  ])("refuses %s", (_n, s, change, message) => expect(() => stagePatchCalls(s, change)).toThrow(message));

  it("promotion is the same two calls whatever the overrides", () => {
    expect(promoteCanaryPatches()[0]).toHaveLength(3);
  });
});

describe("httpStageUpdate", () => {
  const http: HttpStageDto = {
    apiId: "h1",
    stageName: "$default",
    description: null,
    deploymentId: null,
    autoDeploy: false,
    variables: { a: "1", b: "2" },
    defaultRouteSettings: {
      throttlingRateLimit: null,
      throttlingBurstLimit: null,
      detailedMetricsEnabled: false,
    },
    routeSettings: {},
    lastUpdatedDate: null,
    createdDate: null,
  };
  it.each([
    [{ kind: "variables", set: { c: "3" }, remove: ["a"] }, { stageVariables: { c: "3", a: "" } }],
    [
      { kind: "throttling", routeKey: null, rateLimit: 10, burstLimit: 20 },
      { defaultRouteSettings: { throttlingRateLimit: 10, throttlingBurstLimit: 20 } },
    ],
    [
      { kind: "throttling", routeKey: "GET /pets", rateLimit: 1, burstLimit: 2 },
      { routeSettings: { "GET /pets": { throttlingRateLimit: 1, throttlingBurstLimit: 2 } } },
    ],
    [{ kind: "auto-deploy", autoDeploy: true }, { autoDeploy: true }],
  ] as const)("%j", (change, body) => expect(httpStageUpdate(http, change as never)).toEqual(body));
});

describe("stageVersion", () => {
  it("ignores key order and changes with any shown field", () => {
    expect(stageVersion({ a: 1, b: { c: 2, d: 3 } })).toBe(stageVersion({ b: { d: 3, c: 2 }, a: 1 }));
    expect(stageVersion(stage())).not.toBe(
      stageVersion(stage({ variables: { upstream: "host:1", version: "v2" } })),
    );
    expect(stageVersion(stage())).not.toBe(stageVersion(stage({ canary })));
    expect(stageVersion(stage())).toMatch(/^[0-9a-f]{16}$/);
  });
});
