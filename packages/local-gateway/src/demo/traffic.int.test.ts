import { GetUsageCommand } from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seededRandom } from "../data-plane/canary";
import { startTestGateway, type TestGateway } from "../test-helpers";
import { seedDemo, type SeedResult } from "./seed";
import { runTraffic } from "./traffic";
import { type DemoUpstream, startDemoUpstream } from "./upstream";

let t: TestGateway;
let up: DemoUpstream;
let seeded: SeedResult;

beforeAll(async () => {
  t = await startTestGateway();
  up = await startDemoUpstream({ port: 0 });
  seeded = await seedDemo({
    endpoint: t.gw.url,
    upstreamUrl: up.url,
    tenants: [
      { id: "t1", name: "One", plan: "Bronze" },
      { id: "t2", name: "Two", plan: "Bronze" },
    ],
  });
});
afterAll(async () => {
  await t.stop();
  await up.close();
});

it("sends bounded mixed traffic: good calls, missing keys, throttled bursts, and makes the canary flaky", async () => {
  const run = await runTraffic({
    endpoint: t.gw.url,
    rate: 100,
    durationMs: 1200,
    burstEveryMs: 1000,
    random: seededRandom(3),
  });
  const stats = await run.done;
  // ~150 planned (100/s for 1.2 s plus a 30-call burst); a loaded CPU sends fewer steady calls, never none.
  expect(stats.sent).toBeGreaterThan(30);
  expect(stats.sent).toBeLessThan(300);
  const total = Object.values(stats.byStatus).reduce((a, b) => a + b, 0);
  expect(total).toBe(stats.sent);
  expect(stats.byStatus["200"]).toBeGreaterThan(0);
  expect(stats.byStatus["403"]).toBeGreaterThan(0);
  // Bronze's bucket holds 10 and the fake clock never refills it: the 30-call burst is throttled.
  expect(stats.byStatus["429"]).toBeGreaterThan(0);
  expect(up.config.v2).toEqual({ latencyMs: 150, errorRate: 0.2 });

  const today = new Date(t.clock.now()).toISOString().slice(0, 10);
  let used = 0;
  for (const key of seeded.keys) {
    const usage = await t.v1.send(
      new GetUsageCommand({
        usagePlanId: seeded.usagePlans.Bronze,
        keyId: key.keyId,
        startDate: today,
        endDate: today,
      }),
    );
    used += usage.items?.[key.keyId]?.[0]?.[0] ?? 0;
  }
  expect(used).toBeGreaterThan(0);
  expect(used).toBeLessThanOrEqual(
    stats.byStatus["200"]! +
      (stats.byStatus["500"] ?? 0) +
      (stats.byStatus["502"] ?? 0) +
      (stats.byStatus["504"] ?? 0),
  );
});

it("stops early on stop()", async () => {
  const started = Date.now();
  const run = await runTraffic({ endpoint: t.gw.url, rate: 20, durationMs: 60_000, canaryFaults: false });
  const stats = await run.stop();
  expect(Date.now() - started).toBeLessThan(5000);
  expect(await run.done).toBe(stats);
});
