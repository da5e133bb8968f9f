import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "./test-helpers";

describe("gateway admin endpoints", () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.stop());

  it("answers health with 200 {status: ok} and a request id", async () => {
    const res = await t.raw("/_localgateway/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("puts x-amzn-RequestId on control-plane successes and errors", async () => {
    const ok = await t.raw("/restapis");
    const err = await t.raw("/restapis/nope");
    expect(ok.headers.get("x-amzn-requestid")).toBeTruthy();
    expect(err.headers.get("x-amzn-requestid")).toBeTruthy();
    expect(err.headers.get("content-type")).toBe("application/json");
  });

  it("hands /restapis/{id}/{stage}/_user_request_/* to the data plane, not the control plane", async () => {
    const res = await t.raw("/restapis/none/prod/_user_request_/pets");
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ message: "Missing Authentication Token" });
  });

  it("answers an unknown v1 path with 404 NotFoundException", async () => {
    const res = await t.raw("/nothing-here");
    expect(res.status).toBe(404);
    expect(res.headers.get("x-amzn-errortype")).toBe("NotFoundException");
  });
});
