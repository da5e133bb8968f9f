import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoUpstream, startDemoUpstream } from "./upstream";

describe("demo upstream", () => {
  let up: DemoUpstream;
  let draws = 0;
  beforeAll(async () => {
    // Alternating draws make a 50 % error rate fail exactly every other request.
    up = await startDemoUpstream({ port: 0, random: () => (draws++ % 2 === 0 ? 0.1 : 0.9) });
  });
  afterAll(() => up.close());

  it.each(["/v1/payments", "/v2/payments", "/v1/forecast/today", "/v2/forecast"])(
    "echoes %s",
    async (path) => {
      const r = await fetch(`${up.url}${path}?city=Oslo`, {
        method: "POST",
        headers: { "x-demo": "1" },
        body: "hi",
      });
      expect(r.status).toBe(200);
      const body = (await r.json()) as Record<string, unknown>;
      expect(body.path).toBe(path);
      expect(body.method).toBe("POST");
      expect(body.query).toEqual({ city: "Oslo" });
      expect((body.headers as Record<string, string>)["x-demo"]).toBe("1");
      expect(body.body).toBe("hi");
    },
  );

  it("404s unknown routes", async () => {
    expect((await fetch(`${up.url}/v4/payments`)).status).toBe(404);
    expect((await fetch(`${up.url}/v1/other`)).status).toBe(404);
  });

  it("applies v2 latency and error rate set at runtime, leaving v1 alone", async () => {
    const set = await fetch(`${up.url}/_demo/config`, {
      method: "POST",
      body: JSON.stringify({ v2: { latencyMs: 30, errorRate: 0.5 } }),
    });
    expect(await set.json()).toMatchObject({
      v2: { latencyMs: 30, errorRate: 0.5 },
      v3: { latencyMs: 0, errorRate: 0 },
    });
    const started = Date.now();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${up.url}/v2/payments`)).status);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 25);
    expect(statuses.sort()).toEqual([200, 200, 500, 500]);
    const v1 = await Promise.all(
      [1, 2, 3, 4].map(() => fetch(`${up.url}/v1/payments`).then((r) => r.status)),
    );
    expect(v1).toEqual([200, 200, 200, 200]);
    await fetch(`${up.url}/_demo/config`, {
      method: "POST",
      body: JSON.stringify({ v2: { latencyMs: 0, errorRate: 0 } }),
    });
  });

  it("clamps out-of-range settings and rejects a non-JSON body", async () => {
    const r = await fetch(`${up.url}/_demo/config`, {
      method: "POST",
      body: JSON.stringify({ v2: { latencyMs: -5, errorRate: 3 } }),
    });
    expect(await r.json()).toMatchObject({ v2: { latencyMs: 0, errorRate: 1 } });
    expect((await fetch(`${up.url}/_demo/config`, { method: "POST", body: "{" })).status).toBe(400);
    await fetch(`${up.url}/_demo/config`, { method: "POST", body: JSON.stringify({ v2: { errorRate: 0 } }) });
  });

  it("configures v3 apart from v2 (a healthy and a faulty release side by side)", async () => {
    await fetch(`${up.url}/_demo/config`, {
      method: "POST",
      body: JSON.stringify({ v2: { errorRate: 0, latencyMs: 0 }, v3: { errorRate: 1 } }),
    });
    expect((await fetch(`${up.url}/v3/payments`)).status).toBe(500);
    expect((await fetch(`${up.url}/v2/payments`)).status).not.toBe(500);
    await fetch(`${up.url}/_demo/config`, { method: "POST", body: JSON.stringify({ v3: { errorRate: 0 } }) });
  });
});
