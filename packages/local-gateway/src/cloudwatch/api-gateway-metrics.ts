import type { MetricStore, SeriesHandle } from "./metric-store";

export interface ApiGatewayRequestSample {
  apiName: string;
  /** The stage name as it should appear in the Stage dimension (canary traffic: canaryStageName(stage)). */
  stage: string;
  resource?: string;
  method?: string;
  /** Stage has detailed metrics on: also record {ApiName, Method, Resource, Stage}. */
  detailed: boolean;
  status: number;
  latencyMs: number;
  /** Undefined when no integration was called (a 403/429 the gateway answered itself): no IntegrationLatency sample. */
  integrationLatencyMs: number | undefined;
  timestampMs: number;
}

const NAMESPACE = "AWS/ApiGateway";

// Count, 4XXError, 5XXError, Latency, IntegrationLatency for one dimension set.
type Handles = readonly [SeriesHandle, SeriesHandle, SeriesHandle, SeriesHandle, SeriesHandle];

function handlesFor(store: MetricStore, dims: Record<string, string>): Handles {
  return [
    store.series(NAMESPACE, "Count", dims, { unit: "Count" }),
    store.series(NAMESPACE, "4XXError", dims, { unit: "Count" }),
    store.series(NAMESPACE, "5XXError", dims, { unit: "Count" }),
    store.series(NAMESPACE, "Latency", dims, { unit: "Milliseconds" }),
    store.series(NAMESPACE, "IntegrationLatency", dims, { unit: "Milliseconds" }),
  ];
}

// Per store: apiName → stage → handles for {ApiName} + {ApiName, Stage}; detailed ones by resource+method.
interface StageEntry {
  base: readonly [Handles, Handles];
  detailed: Map<string, Map<string, Handles>>;
}
const caches = new WeakMap<MetricStore, Map<string, Map<string, StageEntry>>>();

function stageEntry(store: MetricStore, apiName: string, stage: string): StageEntry {
  let byApi = caches.get(store);
  if (byApi === undefined) {
    byApi = new Map();
    caches.set(store, byApi);
  }
  let byStage = byApi.get(apiName);
  if (byStage === undefined) {
    byStage = new Map();
    byApi.set(apiName, byStage);
  }
  let entry = byStage.get(stage);
  if (entry === undefined) {
    entry = {
      base: [handlesFor(store, { ApiName: apiName }), handlesFor(store, { ApiName: apiName, Stage: stage })],
      detailed: new Map(),
    };
    byStage.set(stage, entry);
  }
  return entry;
}

function add(h: Handles, err4: number, err5: number, s: ApiGatewayRequestSample): void {
  const t = s.timestampMs;
  h[0].add(1, t);
  h[1].add(err4, t);
  h[2].add(err5, t);
  h[3].add(s.latencyMs, t);
  if (s.integrationLatencyMs !== undefined) h[4].add(s.integrationLatencyMs, t);
}

/**
 * Records one data-plane request as AWS/ApiGateway metrics. Called by the data plane once per request; after the
 * first request of an (api, stage, resource, method) it costs a few map lookups and no string building.
 */
export function recordApiGatewayRequest(store: MetricStore, s: ApiGatewayRequestSample): void {
  const entry = stageEntry(store, s.apiName, s.stage);
  const err4 = s.status >= 400 && s.status < 500 ? 1 : 0;
  const err5 = s.status >= 500 ? 1 : 0;
  add(entry.base[0], err4, err5, s);
  add(entry.base[1], err4, err5, s);
  if (s.detailed && s.resource !== undefined && s.method !== undefined) {
    // resource → method in nested maps, so nothing is concatenated per request.
    let methods = entry.detailed.get(s.resource);
    if (methods === undefined) {
      methods = new Map();
      entry.detailed.set(s.resource, methods);
    }
    let h = methods.get(s.method);
    if (h === undefined) {
      h = handlesFor(store, { ApiName: s.apiName, Method: s.method, Resource: s.resource, Stage: s.stage });
      methods.set(s.method, h);
    }
    add(h, err4, err5, s);
  }
}
