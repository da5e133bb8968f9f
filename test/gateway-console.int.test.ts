// The operator console's gateway screens against a real Local Gateway through the real SDK clients: how many AWS
// calls the stage page and each metrics refresh make (lib/aws call accounting AND the gateway's own /calls count).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Gateway } from "@tollgate/local-gateway";
import type { SeedResult } from "@tollgate/local-gateway/demo";
import { operator, startConsoleGateway, type ConsoleGateway } from "./console-gateway";

let env: ConsoleGateway;
let gw: Gateway;
let seeded: SeedResult;
const gatewayCalls = () => env.gatewayCalls();

beforeAll(async () => {
  // Before lib/env is first imported: the console's SDK clients point at this gateway.
  env = await startConsoleGateway({ name: "console" });
  ({ gw, seeded } = env);
  // Real data-plane traffic so the metrics have something in them (prod carries a 10 % canary).
  const key = seeded.keys[0]!.value;
  await Promise.all(
    Array.from({ length: 60 }, () =>
      fetch(`${gw.url}/restapis/${seeded.restApis.payments}/prod/_user_request_/payments`, {
        headers: { "x-api-key": key },
      }).then((r) => r.arrayBuffer()),
    ),
  );
});

afterAll(async () => {
  await env?.close();
});

describe("stage page", () => {
  it("renders its data with at most 4 AWS calls", async () => {
    const { countAwsCalls } = await import("@/lib/aws/accounting");
    const { loadRestStage } = await import("@/lib/apis/loaders");
    await fetch(`${gw.url}/_localgateway/calls`, { method: "DELETE" });
    const { result, total, calls } = await countAwsCalls(() =>
      loadRestStage(operator, seeded.restApis.payments, "prod"),
    );
    expect(total, JSON.stringify(Object.fromEntries(calls))).toBeLessThanOrEqual(4);
    const seen = await gatewayCalls();
    expect(Object.values(seen).reduce((a, b) => a + b, 0)).toBe(total);
    // …and it has what the page shows.
    expect(result.api.name).toBe("payments");
    expect(result.stage.canary?.percentTraffic).toBe(10);
    expect(result.deployments.length).toBeGreaterThanOrEqual(2);
    expect(result.methods).toContainEqual({ resourcePath: "/payments", httpMethod: "GET" });
    expect(result.version).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("metrics refresh", () => {
  it("base and canary (14 series) come from exactly one GetMetricData call, with the traffic in them", async () => {
    const { countAwsCalls } = await import("@/lib/aws/accounting");
    const { loadStageMetrics } = await import("@/lib/metrics/loaders");
    await fetch(`${gw.url}/_localgateway/calls`, { method: "DELETE" });
    const { result, calls, total } = await countAwsCalls(() =>
      loadStageMetrics(operator, { kind: "REST", api: "payments", stage: "prod" }, "1h", true),
    );
    expect(total).toBe(1);
    expect(calls.get("cloudwatch.GetMetricData")).toBe(1);
    expect(await gatewayCalls()).toEqual({ GetMetricData: 1 });
    const sum = (col: string) => result.points.reduce((a, p) => a + (p[col] ?? 0), 0);
    expect(sum("b_count") + sum("c_count")).toBe(60);
    expect(result.points).toHaveLength(60);
    expect(Object.keys(result.points[0]!)).toHaveLength(1 + 14);
  });

  it("the overview of 166 stages (498 series) is still one GetMetricData call", async () => {
    const { countAwsCalls } = await import("@/lib/aws/accounting");
    const { loadOverviewMetrics } = await import("@/lib/metrics/loaders");
    const targets = [
      { kind: "REST" as const, api: "payments", stage: "prod" },
      ...Array.from({ length: 165 }, (_, i) => ({ kind: "REST" as const, api: "payments", stage: `x${i}` })),
    ];
    await fetch(`${gw.url}/_localgateway/calls`, { method: "DELETE" });
    const { result, total } = await countAwsCalls(() => loadOverviewMetrics(operator, targets, "6h"));
    expect(total).toBe(1);
    expect(await gatewayCalls()).toEqual({ GetMetricData: 1 });
    expect(result.stages).toHaveLength(166);
    expect(result.stages[0]!.reduce((a, p) => a + (p.count ?? 0), 0)).toBeGreaterThan(0);
    await expect(
      loadOverviewMetrics(
        operator,
        [...targets, { kind: "REST", api: "payments", stage: "one-too-many" }],
        "1h",
      ),
    ).rejects.toThrow(/at most 500/);
  });

  it("a partner or finance user gets nothing", async () => {
    const { loadStageMetrics } = await import("@/lib/metrics/loaders");
    const { loadRestStage } = await import("@/lib/apis/loaders");
    const finance = { ...operator, role: "finance" as const };
    await expect(loadRestStage(finance, seeded.restApis.payments, "prod")).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      loadStageMetrics(finance, { kind: "REST", api: "payments", stage: "prod" }, "1h", false),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
