/** The data plane's one call into CloudWatch: AWS/ApiGateway metrics for a served request. */

import { recordApiGatewayRequest } from "../cloudwatch/api-gateway-metrics";
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
  /** Undefined when the request never reached an integration (403/429 answered by the gateway itself). */
  integrationLatencyMs: number | undefined;
  timestampMs: number;
}

export function recordRequestMetrics(store: MetricStore, s: RequestMetricsSample): void {
  recordApiGatewayRequest(store, {
    apiName: s.apiName,
    stage: s.stage,
    resource: s.resource,
    method: s.method,
    detailed: s.detailed,
    status: s.status,
    latencyMs: s.latencyMs,
    // cloudwatch records IntegrationLatency for every request; a gateway-answered request spent 0 ms in one.
    integrationLatencyMs: s.integrationLatencyMs ?? 0,
    timestampMs: s.timestampMs,
  });
}
