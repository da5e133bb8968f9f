import { describe, expect, it } from "vitest";
import { buildIndexes } from "./indexes";
import { emptyState, type GatewayState } from "./types";

function sample(): GatewayState {
  const s = emptyState();
  s.restApis.a = {
    id: "a",
    name: "A",
    createdDate: 0,
    apiKeySource: "HEADER",
    endpointConfiguration: { types: ["EDGE"] },
    disableExecuteApiEndpoint: false,
    rootResourceId: "r",
    tags: {},
    resources: {},
    deployments: {
      d1: { id: "d1", createdDate: 0, apiSummary: {}, resources: {} },
      d2: { id: "d2", createdDate: 0, apiSummary: {}, resources: {} },
    },
    stages: {
      prod: {
        stageName: "prod",
        deploymentId: "d1",
        variables: {},
        methodSettings: {},
        cacheClusterEnabled: false,
        cacheClusterStatus: "NOT_AVAILABLE",
        canarySettings: { deploymentId: "d2", percentTraffic: 10, useStageCache: false },
        tracingEnabled: false,
        createdDate: 0,
        lastUpdatedDate: 0,
        tags: {},
      },
    },
  };
  s.apiKeys.k1 = {
    id: "k1",
    value: "value-1-xxxxxxxxxxxxxxxx",
    name: "",
    enabled: true,
    createdDate: 0,
    lastUpdatedDate: 0,
    stageKeys: [],
    tags: {},
  };
  s.usagePlans.p1 = { id: "p1", name: "P", apiStages: [{ apiId: "a", stage: "prod" }], tags: {} };
  s.planKeys.p1 = ["k1"];
  return s;
}

describe("buildIndexes", () => {
  it("resolves stage entries with both deployments and the plans of the stage", () => {
    const idx = buildIndexes(sample());
    const e = idx.stage("a", "prod");
    expect(e?.deployment?.id).toBe("d1");
    expect(e?.canaryDeployment?.id).toBe("d2");
    expect(e?.plans.map((p) => p.id)).toEqual(["p1"]);
    expect(idx.stage("a", "dev")).toBeUndefined();
  });

  it("finds keys by value and the one plan of a key for an API stage", () => {
    const state = sample();
    const idx = buildIndexes(state);
    expect(idx.keyByValue("value-1-xxxxxxxxxxxxxxxx")?.id).toBe("k1");
    expect(idx.planForKey("k1", "a", "prod")?.id).toBe("p1");
    expect(idx.planForKey("k1", "a", "dev")).toBeUndefined();
    expect(idx.plansForStage("a", "prod").length).toBe(1);
    const next = buildIndexes(state);
    expect(next.version).toBeGreaterThan(idx.version);
  });
});
