import { describe, expect, it } from "vitest";
import {
  canonicalMethodKey,
  compileDetailedMetrics,
  compilePlanMethodThrottles,
  compileStageThrottles,
  completeLimits,
  detailedMetricsFor,
  parseMethodKey,
} from "./method-keys";

describe("parseMethodKey", () => {
  it.each([
    ["*/*", undefined],
    ["~1pets/GET", "GET /pets"],
    ["~1pets~1{id}/DELETE", "DELETE /pets/{id}"],
    ["test/GET", "GET /test"],
    ["/pets/GET", "GET /pets"],
    ["//GET", "GET /"],
    ["~1/GET", "GET /"],
    ["/pets/{proxy+}/ANY", "ANY /pets/{proxy+}"],
    ["/pets/get", "GET /pets"],
    ["nomethod/", undefined],
    ["GET", undefined],
  ])("%s → %s", (key, expected) => {
    expect(parseMethodKey(key)).toBe(expected);
  });

  it.each([
    ["/pets", "get", "GET /pets"],
    ["/", "POST", "POST /"],
    ["/a/b/", "PUT", "PUT /a/b"],
  ])("canonicalMethodKey(%s, %s) = %s", (path, method, expected) => {
    expect(canonicalMethodKey(path, method)).toBe(expected);
  });
});

describe("completeLimits", () => {
  it.each([
    [undefined, undefined],
    [{}, undefined],
    [
      { rateLimit: 5, burstLimit: 10 },
      { rateLimit: 5, burstLimit: 10 },
    ],
    [{ rateLimit: 2.5 }, { rateLimit: 2.5, burstLimit: 3 }],
    [{ rateLimit: 0.2 }, { rateLimit: 0.2, burstLimit: 1 }],
    [{ burstLimit: 7 }, { rateLimit: Number.POSITIVE_INFINITY, burstLimit: 7 }],
  ])("%j → %j", (input, expected) => {
    expect(completeLimits(input)).toEqual(expected);
  });
});

describe("compileStageThrottles", () => {
  it("splits the wildcard from per-method settings and skips settings without throttling", () => {
    const compiled = compileStageThrottles({
      "*/*": { throttlingRateLimit: 100, throttlingBurstLimit: 50 },
      "~1pets/GET": { throttlingRateLimit: 1, throttlingBurstLimit: 2 },
      "~1logs/GET": {},
    });
    expect(compiled.wildcard).toEqual({ rateLimit: 100, burstLimit: 50 });
    expect([...compiled.byMethod]).toEqual([["GET /pets", { rateLimit: 1, burstLimit: 2 }]]);
  });

  it("has no limits for a stage without method settings", () => {
    expect(compileStageThrottles(undefined).wildcard).toBeUndefined();
    expect(compileStageThrottles({}).byMethod.size).toBe(0);
  });
});

describe("compilePlanMethodThrottles", () => {
  it("reads apiStages[].throttle keys, root included", () => {
    const compiled = compilePlanMethodThrottles({
      "/pets/GET": { rateLimit: 3, burstLimit: 6 },
      "//GET": { rateLimit: 1, burstLimit: 1 },
      "/bad": {},
    });
    expect(Object.fromEntries(compiled)).toEqual({
      "GET /pets": { rateLimit: 3, burstLimit: 6 },
      "GET /": { rateLimit: 1, burstLimit: 1 },
    });
  });
});

describe("detailed metrics", () => {
  it.each([
    [undefined, "GET /pets", false],
    [{ "*/*": { metricsEnabled: true } }, "GET /pets", true],
    [{ "*/*": { metricsEnabled: false } }, "GET /pets", false],
    [{ "*/*": { metricsEnabled: true }, "~1pets/GET": { metricsEnabled: false } }, "GET /pets", false],
    [{ "*/*": { metricsEnabled: false }, "~1pets/GET": { metricsEnabled: true } }, "GET /pets", true],
    [{ "~1pets/GET": { metricsEnabled: true } }, "POST /pets", false],
  ])("%j for %s → %s", (settings, key, expected) => {
    expect(detailedMetricsFor(compileDetailedMetrics(settings), key)).toBe(expected);
  });
});
