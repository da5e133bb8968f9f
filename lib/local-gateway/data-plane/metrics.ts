/**
 * The data plane's one call into CloudWatch: AWS/ApiGateway metrics for a served request.
 * TEMPORARY local recorder until cloudwatch exports recordApiGatewayRequest; the call site stays the same.
 */

import type { MetricStore } from "../cloudwatch/metric-store";

export interface RequestMetricsSample {
  apiName: string;
  /** "<stage>" or canaryStageName(stage). */
  stage: string;
  resource: string | undefined;
  method: string | undefined;
  detailed: boolean;
  status: number;
  latencyMs: number;
  /** Undefined when the request never reached an integration (403/429 from the gateway). */
  integrationLatencyMs: number | undefined;
  timestampMs: number;
}

const NS = "AWS/ApiGateway";
const dimsCache = new Map<string, Readonly<Record<string, string>>>();

function dims(key: string, make: () => Record<string, string>): Readonly<Record<string, string>> {
  let d = dimsCache.get(key);
  if (d === undefined) {
    d = make();
    dimsCache.set(key, d);
  }
  return d;
}

export function recordRequestMetrics(store: MetricStore, s: RequestMetricsSample): void {
  const sets = [
    dims(`a\u0000${s.apiName}`, () => ({ ApiName: s.apiName })),
    dims(`s\u0000${s.apiName}\u0000${s.stage}`, () => ({ ApiName: s.apiName, Stage: s.stage })),
  ];
  if (s.detailed && s.resource !== undefined && s.method !== undefined) {
    const { resource, method } = s;
    sets.push(
      dims(`d\u0000${s.apiName}\u0000${s.stage}\u0000${resource}\u0000${method}`, () => ({
        ApiName: s.apiName,
        Method: method,
        Resource: resource,
        Stage: s.stage,
      })),
    );
  }
  const opts = { timestampMs: s.timestampMs };
  for (const d of sets) {
    store.record(NS, "Count", d, 1, { ...opts, unit: "Count" });
    store.record(NS, "4XXError", d, s.status >= 400 && s.status < 500 ? 1 : 0, { ...opts, unit: "Count" });
    store.record(NS, "5XXError", d, s.status >= 500 ? 1 : 0, { ...opts, unit: "Count" });
    store.record(NS, "Latency", d, s.latencyMs, { ...opts, unit: "Milliseconds" });
    if (s.integrationLatencyMs !== undefined) {
      store.record(NS, "IntegrationLatency", d, s.integrationLatencyMs, { ...opts, unit: "Milliseconds" });
    }
  }
}
