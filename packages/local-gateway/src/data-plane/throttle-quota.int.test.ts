import { UpdateStageCommand, UpdateUsageCommand } from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../test-helpers";
import { resetThrottles } from "./runtime";
import { createApi, deploy, invokeUrl, keyInPlan } from "./test-api";

let t: TestGateway;
let apiId: string;
const url = (path: string, stage = "prod") => invokeUrl(t.gw.url, apiId, stage, path);

async function statuses(n: number, target: string, key?: string): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = await fetch(target, { headers: key === undefined ? {} : { "x-api-key": key } });
    await r.arrayBuffer();
    out.push(r.status);
  }
  return out;
}

const count = (list: number[], status: number) => list.filter((s) => s === status).length;

beforeAll(async () => {
  t = await startTestGateway();
  apiId = await createApi(t.v1, "throttle-api", [
    { path: "/pets", method: "GET", apiKeyRequired: true, mock: { body: "{}" } },
    { path: "/pets", method: "POST", apiKeyRequired: true, mock: { body: "{}" } },
    { path: "/open", method: "GET", mock: { body: "{}" } },
    { path: "/slow", method: "GET", mock: { body: "{}" } },
  ]);
  await deploy(t.v1, apiId, "prod");
  await deploy(t.v1, apiId, "dev");
});
beforeEach(() => {
  resetThrottles(t.gw.ctx);
  t.clock.set(Date.UTC(2026, 0, 15, 12, 0, 0));
});
afterAll(() => t.stop());

describe("usage-plan throttling (token bucket per key)", () => {
  it("lets the burst through at once, then the sustained rate", async () => {
    const { value } = await keyInPlan(t.v1, [{ apiId, stage: "prod" }], {
      throttle: { rateLimit: 2, burstLimit: 5 },
    });
    const burst = await statuses(7, url("/pets"), value);
    expect(burst).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const r = await fetch(url("/pets"), { headers: { "x-api-key": value } });
    expect(r.status).toBe(429);
    expect(r.headers.get("x-amzn-errortype")).toBe("TooManyRequestsException");
    expect(await r.json()).toEqual({ message: "Too Many Requests" });

    t.clock.advance(499);
    expect(await statuses(1, url("/pets"), value)).toEqual([429]);
    t.clock.advance(1);
    expect(await statuses(2, url("/pets"), value)).toEqual([200, 429]);
    // 10 s at 2/s, one attempt every 100 ms: 20 more requests get through.
    let passed = 0;
    for (let i = 0; i < 100; i++) {
      t.clock.advance(100);
      passed += count(await statuses(1, url("/pets"), value), 200);
    }
    expect(passed).toBe(20);
  });

  it("throttles each key on its own bucket, shared across the plan's stages", async () => {
    const a = await keyInPlan(
      t.v1,
      [
        { apiId, stage: "prod" },
        { apiId, stage: "dev" },
      ],
      {
        throttle: { rateLimit: 1, burstLimit: 2 },
      },
    );
    const b = await keyInPlan(t.v1, [{ apiId, stage: "prod" }], {
      throttle: { rateLimit: 1, burstLimit: 2 },
    });
    expect(await statuses(1, url("/pets"), a.value)).toEqual([200]);
    expect(await statuses(2, url("/pets", "dev"), a.value)).toEqual([200, 429]);
    expect(await statuses(2, url("/pets"), b.value)).toEqual([200, 200]);
  });

  it("applies a per-method throttle from apiStages[].throttle instead of the plan's", async () => {
    const { value } = await keyInPlan(
      t.v1,
      [{ apiId, stage: "prod", throttle: { "/pets/POST": { rateLimit: 1, burstLimit: 1 } } }],
      { throttle: { rateLimit: 100, burstLimit: 100 } },
    );
    const post = async () =>
      (await fetch(url("/pets"), { method: "POST", headers: { "x-api-key": value } })).status;
    expect([await post(), await post()]).toEqual([200, 429]);
    expect(await statuses(5, url("/pets"), value)).toEqual([200, 200, 200, 200, 200]);
    t.clock.advance(1000);
    expect(await post()).toBe(200);
  });
});

describe("stage methodSettings throttling", () => {
  it("throttles every client of the stage with */* and lets a per-method setting override it", async () => {
    await t.v1.send(
      new UpdateStageCommand({
        restApiId: apiId,
        stageName: "dev",
        patchOperations: [
          { op: "replace", path: "/*/*/throttling/rateLimit", value: "1" },
          { op: "replace", path: "/*/*/throttling/burstLimit", value: "3" },
          { op: "replace", path: "/~1slow/GET/throttling/burstLimit", value: "1" },
        ],
      }),
    );
    expect(await statuses(4, url("/open", "dev"))).toEqual([200, 200, 200, 429]);
    expect(await statuses(2, url("/slow", "dev"))).toEqual([200, 429]);
    // prod has no method settings.
    expect(count(await statuses(6, url("/open")), 200)).toBe(6);
    t.clock.advance(1000);
    expect(await statuses(2, url("/open", "dev"))).toEqual([200, 429]);
  });
});

describe("quotas", () => {
  async function exhaust(value: string, limit: number): Promise<void> {
    expect(count(await statuses(limit, url("/pets"), value), 200)).toBe(limit);
    const r = await fetch(url("/pets"), { headers: { "x-api-key": value } });
    expect(r.status).toBe(429);
    expect(r.headers.get("x-amzn-errortype")).toBe("LimitExceededException");
    expect(r.headers.get("retry-after")).toBeNull();
    expect(await r.json()).toEqual({ message: "Limit Exceeded" });
  }

  it.each([
    // [period, offset, exhausted at, still blocked at, reset at]
    ["DAY", 0, "2026-01-15T12:00:00Z", "2026-01-15T23:59:59.999Z", "2026-01-16T00:00:00Z"],
    // 2026-01-17 is a Saturday; offset 0 starts weeks on Sunday (UTC).
    ["WEEK", 0, "2026-01-12T08:00:00Z", "2026-01-17T23:59:59.999Z", "2026-01-18T00:00:00Z"],
    ["MONTH", 0, "2026-01-02T08:00:00Z", "2026-01-31T23:59:59.999Z", "2026-02-01T00:00:00Z"],
    ["MONTH", 0, "2026-12-31T23:00:00Z", "2026-12-31T23:59:59.999Z", "2027-01-01T00:00:00Z"],
  ] as const)(
    "%s (offset %i) resets at the UTC period boundary",
    async (period, offset, start, blocked, reset) => {
      const { value } = await keyInPlan(t.v1, [{ apiId, stage: "prod" }], {
        quota: { limit: 3, offset, period },
      });
      t.clock.set(new Date(start));
      await exhaust(value, 3);
      t.clock.set(new Date(blocked));
      expect(await statuses(1, url("/pets"), value)).toEqual([429]);
      t.clock.set(new Date(reset));
      expect(await statuses(4, url("/pets"), value)).toEqual([200, 200, 200, 429]);
    },
  );

  it("checks the quota before the throttle and counts no rejected request", async () => {
    const { value } = await keyInPlan(t.v1, [{ apiId, stage: "prod" }], {
      quota: { limit: 2, offset: 0, period: "DAY" },
      throttle: { rateLimit: 1, burstLimit: 1 },
    });
    // Throttled requests do not use up the quota…
    expect(await statuses(3, url("/pets"), value)).toEqual([200, 429, 429]);
    t.clock.advance(1000);
    expect(await statuses(1, url("/pets"), value)).toEqual([200]);
    // …and once it is used up the client is told so, even with tokens in its bucket.
    t.clock.advance(5000);
    const r = await fetch(url("/pets"), { headers: { "x-api-key": value } });
    expect(r.headers.get("x-amzn-errortype")).toBe("LimitExceededException");
  });

  it("honours UpdateUsage replace /remaining", async () => {
    const { value, keyId, planId } = await keyInPlan(t.v1, [{ apiId, stage: "prod" }], {
      quota: { limit: 10, offset: 0, period: "DAY" },
    });
    await t.v1.send(
      new UpdateUsageCommand({
        usagePlanId: planId,
        keyId,
        patchOperations: [{ op: "replace", path: "/remaining", value: "2" }],
      }),
    );
    expect(await statuses(3, url("/pets"), value)).toEqual([200, 200, 429]);
  });
});
