import { createServer, request, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { dataPlaneRuntime } from "./data-plane/runtime";
import { startTestGateway, type TestGateway } from "./test-helpers";

let t: TestGateway | undefined;
let upstream: Server | undefined;
afterEach(async () => {
  await t?.stop();
  await new Promise((r) => (upstream ? upstream.close(r) : r(undefined)));
  t = undefined;
  upstream = undefined;
});

describe("PUT /_localgateway/config", () => {
  const put = (body: string) =>
    t!.raw("/_localgateway/config", { method: "PUT", headers: { "Content-Type": "application/json" }, body });

  it("switches AWS's control-plane limits on and off", async () => {
    t = await startTestGateway();
    expect(await (await t.raw("/_localgateway/config")).json()).toEqual({ controlLimits: false });
    const on = await put('{"controlLimits":true}');
    expect(on.status).toBe(200);
    expect(t.gw.ctx.config.controlLimits).toBe(true);
    await put('{"controlLimits":false}');
    expect(t.gw.ctx.config.controlLimits).toBe(false);
  });

  it("refuses anything else with a 400 that names the field, and changes nothing", async () => {
    t = await startTestGateway();
    for (const [body, says] of [
      ['{"controlLimits":"yes"}', /controlLimits/],
      ['{"controlLimits":true,"port":1}', /port|unrecognized/i],
      ["not json", /JSON object/],
    ] as const) {
      const res = await put(body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(says);
    }
    expect(t.gw.ctx.config.controlLimits).toBe(false);
  });
});

describe("Gateway.close()", () => {
  it("closes pooled keep-alive sockets to upstreams", async () => {
    const sockets = new Set<Socket>();
    upstream = createServer((_req, res) => res.end("ok"));
    upstream.on("connection", (s) => {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
    });
    await new Promise<void>((r) => upstream!.listen(0, "127.0.0.1", r));
    const port = (upstream.address() as AddressInfo).port;
    t = await startTestGateway();
    const { agents } = dataPlaneRuntime(t.gw.ctx);
    await new Promise<void>((resolve, reject) => {
      request({ host: "127.0.0.1", port, agent: agents.http }, (res) => {
        res.resume();
        res.on("end", resolve);
      })
        .on("error", reject)
        .end();
    });
    expect(sockets.size).toBe(1);
    const closed = new Promise((r) => [...sockets][0]!.once("close", r));
    await t.gw.close();
    await closed;
    expect(sockets.size).toBe(0);
    expect(t.gw.ctx.dataPlane).toBeUndefined();
  });
});
