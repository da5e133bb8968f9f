/**
 * Per-gateway data-plane state that is not part of the emulated account: token buckets, the upstream connection
 * pool, compiled-plan cache and the canary's random source. Created on a gateway's first data-plane request.
 */

import type { GatewayContext } from "../context";
import { PlanCache } from "./compiled";
import { createUpstreamAgents, type UpstreamAgents } from "./proxy";
import { BucketRegistry } from "./token-bucket";

export interface DataPlaneRuntime {
  readonly buckets: BucketRegistry;
  readonly agents: UpstreamAgents;
  readonly plans: PlanCache;
  random: () => number;
}

export interface DataPlaneOptions {
  /** [0, 1) source for the canary split; tests inject `seededRandom(n)`. */
  random?: () => number;
  /** Upper bound of pooled upstream sockets per host. */
  maxSockets?: number;
}

function create(options: DataPlaneOptions): DataPlaneRuntime {
  return {
    buckets: new BucketRegistry(),
    agents: createUpstreamAgents(options.maxSockets),
    plans: new PlanCache(),
    random: options.random ?? Math.random,
  };
}

// The runtime lives on the gateway context (gw.dataPlane), so it goes with its gateway and close() can release it.
export function dataPlaneRuntime(gw: GatewayContext): DataPlaneRuntime {
  return (gw.dataPlane ??= create({}));
}

/** Tests and the bench: set the canary's random source (and pool size) before or between requests. */
export function configureDataPlane(gw: GatewayContext, options: DataPlaneOptions): void {
  const existing = gw.dataPlane;
  if (existing !== undefined && options.maxSockets === undefined) {
    if (options.random !== undefined) existing.random = options.random;
    return;
  }
  existing?.agents.destroy();
  gw.dataPlane = create(options);
}

/** Forgets all throttle state (a test moving to a new scenario, or `reset`). */
export function resetThrottles(gw: GatewayContext): void {
  gw.dataPlane?.buckets.clear();
}

/** Closes pooled upstream sockets (keep-alive ones would outlive the gateway); Gateway.close() calls it. */
export function closeDataPlane(gw: GatewayContext): void {
  gw.dataPlane?.agents.destroy();
  gw.dataPlane = undefined;
}
