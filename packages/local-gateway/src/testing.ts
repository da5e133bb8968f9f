// @tollgate/local-gateway/testing: what tests (the package's and the console's) and benchmarks may use. Everything
// here acts on a gateway from createGateway() or startTestGateway(); nothing hands out the live account.
import { writeUsageHistory } from "./demo/history";
import { internalsOf, type Gateway } from "./public-gateway";
import type { GatewayState } from "./state/types";
import {
  startTestGateway as startRunningTestGateway,
  type TestGateway as RunningTestGateway,
} from "./test-helpers";
import type { GatewayOptions } from "./server";

export { FakeClock } from "./clock";
export { errorOf } from "./test-helpers";
export type { FaultRule } from "./faults";
export type { GatewayState } from "./state/types";
export { versionedItemsOpenApi } from "./demo/definitions";

export interface TestGateway extends Omit<RunningTestGateway, "gw"> {
  gw: Gateway;
}

/** A gateway on port 0 with a temp data dir, a FakeClock, AWS limits off and v1/v2 SDK clients (maxAttempts 1). */
export function startTestGateway(
  opts: GatewayOptions & { keepDataDir?: boolean } = {},
): Promise<TestGateway> {
  return startRunningTestGateway(opts);
}

/** A deep copy of the emulated account, for assertions: changing it changes nothing in the gateway. */
export function readState(gw: Gateway): GatewayState {
  return structuredClone(internalsOf(gw).ctx.state);
}

/** Sets GetUsage counts per (plan, key, UTC day "YYYY-MM-DD"); days not given keep their counts. */
export const setUsage = writeUsageHistory;

/** Switches AWS's control-plane rate limits on or off, over HTTP (PUT /_localgateway/config), as any host could. */
export async function setControlLimits(gw: Gateway | string, on: boolean): Promise<void> {
  const url = typeof gw === "string" ? gw : gw.url;
  const res = await fetch(`${url}/_localgateway/config`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ controlLimits: on }),
  });
  if (res.status !== 200) throw new Error(`setControlLimits: HTTP ${res.status} ${await res.text()}`);
}

/** Adds a fault rule (POST /_localgateway/faults); see faults.ts for the rule's fields. */
export async function injectFault(gw: Gateway | string, rule: Record<string, unknown>): Promise<void> {
  const url = typeof gw === "string" ? gw : gw.url;
  const res = await fetch(`${url}/_localgateway/faults`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(rule),
  });
  if (res.status !== 201) throw new Error(`injectFault: HTTP ${res.status} ${await res.text()}`);
}

/** Removes every fault rule. */
export async function clearFaults(gw: Gateway | string): Promise<void> {
  const url = typeof gw === "string" ? gw : gw.url;
  await fetch(`${url}/_localgateway/faults`, { method: "DELETE" });
}
