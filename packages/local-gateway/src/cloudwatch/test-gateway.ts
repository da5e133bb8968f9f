// Test helper (not a test): a gateway on a random port with a fake clock, and a CloudWatch SDK client for it.
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FakeClock } from "../clock";
import { createGateway, type Gateway } from "../server";

export const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);

export interface CloudWatchHarness {
  gw: Gateway;
  cw: CloudWatchClient;
  clock: FakeClock;
  dataDir: string;
  /** Raw JSON call, for wire facts the SDK hides (headers, epoch seconds, missing required members). */
  raw(
    op: string,
    body: unknown,
  ): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }>;
}

export async function startCloudWatch(
  opts: { dataDir?: string; clock?: FakeClock } = {},
): Promise<CloudWatchHarness> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), "cw-gw-"));
  const clock = opts.clock ?? new FakeClock(T0 + 5 * 60_000);
  const gw = await createGateway({ port: 0, dataDir, controlLimits: false, clock });
  const cw = new CloudWatchClient({
    region: "us-east-1",
    endpoint: gw.url,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });
  const raw = async (op: string, body: unknown) => {
    const res = await fetch(`${gw.url}/`, {
      method: "POST",
      headers: {
        "content-type": "application/x-amz-json-1.0",
        "x-amz-target": `GraniteServiceVersion20100801.${op}`,
        "x-amzn-query-mode": "true",
      },
      body: JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
  };
  return { gw, cw, clock, dataDir, raw };
}

/** Runs `fn` and returns what it threw (fails the test if it did not throw). */
export async function caught(
  fn: () => Promise<unknown>,
): Promise<Error & { Code?: string; Type?: string; $metadata?: { httpStatusCode?: number } }> {
  try {
    await fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected the call to fail");
}
