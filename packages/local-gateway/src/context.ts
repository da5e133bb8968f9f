import type { IncomingHttpHeaders } from "node:http";
import type { Clock } from "./clock";
import type { MetricStore } from "./cloudwatch/metric-store";
import type { GatewayConfig } from "./config";
import type { DataPlaneRuntime } from "./data-plane/runtime";
import type { Indexes } from "./state/indexes";
import type { StateStore } from "./state/store";
import type { GatewayState } from "./state/types";

/** Everything a part of the gateway may use; one instance per running gateway. */
export interface GatewayContext {
  readonly config: GatewayConfig;
  /** The live account. Control-plane handlers mutate it and then call `changed()`. */
  readonly state: GatewayState;
  readonly store: StateStore;
  readonly clock: Clock;
  readonly metrics: MetricStore;
  /** Per-request lookups for the data plane; replaced (not mutated) by `changed()`, so read it per request. */
  indexes: Indexes;
  /** Base URL, e.g. "http://127.0.0.1:4566" (set once listening). */
  url: string;
  /** Throttle buckets, upstream connection pool, compiled plans; created on the first data-plane request. */
  dataPlane: DataPlaneRuntime | undefined;
  /** After a control-plane mutation: rebuilds the indexes and schedules a save. */
  changed(): void;
}

/** One control-plane request, resolved to an operation name (the SDK command name without "Command"). */
export interface OpContext {
  readonly gw: GatewayContext;
  readonly op: string;
  readonly method: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** Raw body, already gunzipped. */
  readonly body: Buffer;
  readonly requestId: string;
}
