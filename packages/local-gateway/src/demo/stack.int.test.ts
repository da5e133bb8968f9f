import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { startDemoStack } from "./stack";

it("starts gateway, upstream, seed and traffic, keeps the seed on restart, and closes everything", async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "lgw-demo-"));
  try {
    const stack = await startDemoStack({ gatewayPort: 0, upstreamPort: 0, dataDir, trafficRate: 50 });
    expect(stack.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stack.seeded.keys).toHaveLength(3);
    await new Promise((r) => setTimeout(r, 300));
    const stats = await stack.traffic?.stop();
    expect(stats?.sent).toBeGreaterThan(0);
    await stack.close();

    // State survives a restart: the second run finds the same APIs, plans and keys.
    const again = await startDemoStack({ gatewayPort: 0, upstreamPort: 0, dataDir, trafficRate: 0 });
    expect(again.seeded.restApis).toEqual(stack.seeded.restApis);
    expect(again.seeded.keys.map((k) => k.keyId)).toEqual(stack.seeded.keys.map((k) => k.keyId));
    expect(again.traffic).toBeUndefined();
    await again.close();
    expect(
      (await fetch(`${again.endpoint}/_localgateway/health`).catch(() => undefined))?.status,
    ).toBeUndefined();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
