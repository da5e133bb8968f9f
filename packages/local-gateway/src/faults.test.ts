import { CreateApiKeyCommand, GetApiKeysCommand, GetRestApisCommand } from "@aws-sdk/client-api-gateway";
import { GetApisCommand } from "@aws-sdk/client-apigatewayv2";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { errorOf, startTestGateway, type TestGateway } from "./test-helpers";

// Injected latency waits on this fake timer instead of real time: each wait is recorded and lasts until released.
const waits: { ms: number; release: () => void }[] = [];
const fakeSleep = (ms: number) => new Promise<void>((release) => waits.push({ ms, release }));

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ sleep: fakeSleep });
});
afterAll(() => t.stop());
afterEach(async () => {
  await t.raw("/_localgateway/faults", { method: "DELETE" });
});

const addFault = (rule: unknown) =>
  t.raw("/_localgateway/faults", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(rule),
  });

describe("fault injection", () => {
  it("fails matching operations with the given status until cleared", async () => {
    expect((await addFault({ operation: "GetRestApis", rate: 1, status: 503 })).status).toBe(201);
    const e = await errorOf(() => t.v1.send(new GetRestApisCommand({})));
    expect(e.name).toBe("ServiceUnavailableException");
    expect(e.$metadata?.httpStatusCode).toBe(503);
    expect((await t.v1.send(new GetApiKeysCommand({}))).$metadata.httpStatusCode).toBe(200);
    expect((await t.raw("/_localgateway/faults", { method: "DELETE" })).status).toBe(204);
    expect((await t.v1.send(new GetRestApisCommand({}))).$metadata.httpStatusCode).toBe(200);
  });

  it("matches every operation with *, and maps 429 and 500", async () => {
    await addFault({ operation: "*", rate: 1, status: 429 });
    const throttled = await errorOf(() => t.v1.send(new CreateApiKeyCommand({ name: "x" })));
    expect(throttled.name).toBe("TooManyRequestsException");
    await t.raw("/_localgateway/faults", { method: "DELETE" });
    await addFault({ operation: "GetApiKeys", rate: 1, status: 500 });
    const failed = await errorOf(() => t.v1.send(new GetApiKeysCommand({})));
    expect(failed.$metadata?.httpStatusCode).toBe(500);
  });

  it("never fires at rate 0 and adds latency when asked", async () => {
    await addFault({ operation: "GetRestApis", rate: 0, status: 500 });
    expect((await t.v1.send(new GetRestApisCommand({}))).$metadata.httpStatusCode).toBe(200);
    await addFault({ operation: "GetApiKeys", rate: 1, latencyMs: 60 });
    let answered = false;
    const call = t.v1.send(new GetApiKeysCommand({})).then((r) => ((answered = true), r));
    await expect.poll(() => waits.length).toBe(1);
    expect(waits[0]!.ms).toBe(60);
    // Still waiting: the reply comes only once the 60 ms have passed on the fake timer.
    await new Promise((r) => setImmediate(r));
    expect(answered).toBe(false);
    waits[0]!.release();
    expect((await call).$metadata.httpStatusCode).toBe(200);
  });

  it("uses CloudWatch's error shape for CloudWatch operations", async () => {
    await addFault({ operation: "ListMetrics", rate: 1, status: 429 });
    const res = await t.raw("/", {
      method: "POST",
      headers: {
        "content-type": "application/x-amz-json-1.0",
        "x-amz-target": "GraniteServiceVersion20100801.ListMetrics",
      },
      body: "{}",
    });
    expect(res.status).toBe(429);
    expect(res.headers.get("x-amzn-query-error")).toBe("Throttling;Sender");
    expect(await res.json()).toMatchObject({ __type: "com.amazonaws.cloudwatch#Throttling" });
  });

  it("validates the rule with a clear 400", async () => {
    for (const [rule, text] of [
      [{ operation: "X", rate: 2, status: 500 }, "rate must be between 0 and 1"],
      [{ operation: "X", rate: 1, status: 404 }, "status must be 429, 500 or 503"],
      [{ operation: "X", rate: 1 }, "a fault needs a status, a latencyMs or both"],
      [{ rate: 1, status: 500 }, "operation"],
      [{ operation: "GetRestApisCommand", rate: 1, status: 500 }, 'without "Command"'],
      [{ operation: "get rest apis", rate: 1, status: 500 }, "operation must be an operation name"],
    ] as const) {
      const res = await addFault(rule);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toContain(text);
    }
    const bad = await t.raw("/_localgateway/faults", { method: "POST", body: "not json" });
    expect(bad.status).toBe(400);
  });
});

describe("call accounting", () => {
  it("counts control-plane calls per operation and resets on DELETE", async () => {
    expect((await t.raw("/_localgateway/calls", { method: "DELETE" })).status).toBe(204);
    await t.v1.send(new GetRestApisCommand({}));
    await t.v1.send(new GetRestApisCommand({}));
    await t.v1.send(new GetApiKeysCommand({}));
    await t.v2.send(new GetApisCommand({}));
    const body = (await (await t.raw("/_localgateway/calls")).json()) as {
      calls: Record<string, number>;
      services: Record<string, Record<string, number>>;
      since: string;
    };
    expect(body.calls).toEqual({ GetRestApis: 2, GetApiKeys: 1, GetApis: 1 });
    expect(body.services).toEqual({
      apigateway: { GetRestApis: 2, GetApiKeys: 1 },
      apigatewayv2: { GetApis: 1 },
    });
    expect(typeof body.since).toBe("string");
  });
});
