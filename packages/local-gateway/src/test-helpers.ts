// Shared by the gateway's integration tests: a gateway on a random port with a temp data dir, and SDK clients.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { APIGatewayClient } from "@aws-sdk/client-api-gateway";
import { ApiGatewayV2Client } from "@aws-sdk/client-apigatewayv2";
import { FakeClock } from "./clock";
import { createGateway, type Gateway, type GatewayOptions } from "./server";

export interface TestGateway {
  gw: Gateway;
  clock: FakeClock;
  dataDir: string;
  v1: APIGatewayClient;
  v2: ApiGatewayV2Client;
  /** Raw request to the gateway (for wire facts the SDK hides). */
  raw(path: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

const credentials = { accessKeyId: "test", secretAccessKey: "test" };

export async function startTestGateway(
  opts: GatewayOptions & { keepDataDir?: boolean } = {},
): Promise<TestGateway> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), "lgw-"));
  const clock = opts.clock instanceof FakeClock ? opts.clock : new FakeClock();
  const gw = await createGateway({ port: 0, controlLimits: false, ...opts, dataDir, clock });
  // maxAttempts 1: the SDK would otherwise retry 429/5xx and hide what the gateway answered.
  const v1 = new APIGatewayClient({ region: "us-east-1", endpoint: gw.url, credentials, maxAttempts: 1 });
  const v2 = new ApiGatewayV2Client({ region: "us-east-1", endpoint: gw.url, credentials, maxAttempts: 1 });
  return {
    gw,
    clock,
    dataDir,
    v1,
    v2,
    raw: (p, init) => fetch(gw.url + p, init),
    async stop() {
      v1.destroy();
      v2.destroy();
      await gw.close();
      if (!opts.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `fn` and returns the error it throws (fails the test if it does not throw). */
export async function errorOf(
  fn: () => Promise<unknown>,
): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await fn();
  } catch (e) {
    return e as Error & { $metadata?: { httpStatusCode?: number } };
  }
  throw new Error("expected the call to fail, but it succeeded");
}
