import {
  CreateApiKeyCommand,
  CreateUsagePlanCommand,
  GetRestApisCommand,
  UpdateUsagePlanCommand,
} from "@aws-sdk/client-api-gateway";
import { afterEach, describe, expect, it } from "vitest";
import { ControlLimits } from "./control-limits";
import { FakeClock } from "./clock";
import { errorOf, startTestGateway, type TestGateway } from "./test-helpers";

describe("ControlLimits (unit)", () => {
  it("allows a burst of 40, then refuses with Retry-After until tokens refill at 10/s", () => {
    const clock = new FakeClock();
    const limits = new ControlLimits(clock);
    for (let i = 0; i < 40; i++) expect(limits.admit("GetRestApis")).toBeUndefined();
    expect(limits.admit("GetRestApis")).toBe(1);
    clock.advance(100);
    expect(limits.admit("GetRestApis")).toBeUndefined();
    expect(limits.admit("GetRestApis")).toBe(1);
  });

  it("limits CreateDeployment to 1 per 5 s and UpdateUsagePlan to 1 per 20 s", () => {
    const clock = new FakeClock();
    const limits = new ControlLimits(clock);
    expect(limits.admit("CreateDeployment")).toBeUndefined();
    expect(limits.admit("CreateDeployment")).toBe(5);
    clock.advance(2000);
    expect(limits.admit("CreateDeployment")).toBe(3);
    clock.advance(3000);
    expect(limits.admit("CreateDeployment")).toBeUndefined();
    expect(limits.admit("UpdateUsagePlan")).toBeUndefined();
    expect(limits.admit("UpdateUsagePlan")).toBe(20);
  });

  it("limits CreateApiKey and DeleteApiKey to 5/s each, and a refused call takes no total token", () => {
    const clock = new FakeClock();
    const limits = new ControlLimits(clock);
    for (let i = 0; i < 5; i++) expect(limits.admit("CreateApiKey")).toBeUndefined();
    expect(limits.admit("CreateApiKey")).toBe(1);
    for (let i = 0; i < 5; i++) expect(limits.admit("DeleteApiKey")).toBeUndefined();
    expect(limits.admit("DeleteApiKey")).toBe(1);
    for (let i = 0; i < 30; i++) expect(limits.admit("GetApiKeys")).toBeUndefined();
    expect(limits.admit("GetApiKeys")).toBe(1);
  });
});

describe("control limits through the SDK", () => {
  let t: TestGateway | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  it("answers 429 TooManyRequestsException with Retry-After past the total burst", async () => {
    t = await startTestGateway({ controlLimits: true });
    for (let i = 0; i < 40; i++) await t.v1.send(new GetRestApisCommand({}));
    const e = await errorOf(() => t!.v1.send(new GetRestApisCommand({})));
    expect(e.name).toBe("TooManyRequestsException");
    expect(e.message).toBe("Too Many Requests");
    expect(e.$metadata?.httpStatusCode).toBe(429);
    const raw = await t.raw("/restapis");
    expect(raw.status).toBe(429);
    expect(raw.headers.get("retry-after")).toBe("1");
    expect(raw.headers.get("x-amzn-errortype")).toBe("TooManyRequestsException");
    expect(await raw.json()).toEqual({ message: "Too Many Requests" });
    t.clock.advance(1000);
    expect((await t.v1.send(new GetRestApisCommand({}))).$metadata.httpStatusCode).toBe(200);
  });

  it("throttles UpdateUsagePlan to 1 per 20 s and CreateApiKey to 5/s", async () => {
    t = await startTestGateway({ controlLimits: true });
    const plan = await t.v1.send(new CreateUsagePlanCommand({ name: "p" }));
    const patch = () =>
      t!.v1.send(
        new UpdateUsagePlanCommand({
          usagePlanId: plan.id,
          patchOperations: [{ op: "replace", path: "/description", value: "x" }],
        }),
      );
    await patch();
    const e = await errorOf(patch);
    expect(e.name).toBe("TooManyRequestsException");
    expect(
      (e as Error & { $response?: { headers: Record<string, string> } }).$response?.headers["retry-after"],
    ).toBe("20");
    t.clock.advance(20_000);
    await patch();
    for (let i = 0; i < 5; i++) await t.v1.send(new CreateApiKeyCommand({ name: `k${i}` }));
    expect(
      (await errorOf(() => t!.v1.send(new CreateApiKeyCommand({ name: "k6" })))).$metadata?.httpStatusCode,
    ).toBe(429);
  });

  it("enforces nothing when switched off", async () => {
    t = await startTestGateway({ controlLimits: false });
    for (let i = 0; i < 60; i++) await t.v1.send(new GetRestApisCommand({}));
    expect((await t.v1.send(new GetRestApisCommand({}))).$metadata.httpStatusCode).toBe(200);
  });
});
