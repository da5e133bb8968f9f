/**
 * Everything `npm run demo` needs from the Local Gateway side in one call: the gateway, the demo upstream, the
 * idempotent seed (through the SDK) and the traffic generator. Called by the demo script with the console's
 * tenants; returns the endpoint to put in AWS_ENDPOINT_URL and a close() that stops all of it.
 */

import { createGateway, type Gateway } from "../server";
import type { DemoTenant } from "./definitions";
import { seedDemo, type SeedResult } from "./seed";
import { runTraffic, type TrafficRun, type TrafficStats } from "./traffic";
import { type DemoUpstream, startDemoUpstream } from "./upstream";

export interface DemoStackOptions {
  /** Gateway port; default from LOCAL_GATEWAY_PORT (4566). 0 picks a free one. */
  gatewayPort?: number;
  /** Demo upstream port; default 4580. 0 picks a free one. */
  upstreamPort?: number;
  dataDir?: string;
  tenants?: readonly DemoTenant[];
  /** Requests a second from the traffic generator; 0 starts none. Default 10. */
  trafficRate?: number;
  /** How long the traffic runs, ms (bounded: default 8 h, the generator's maximum). */
  trafficDurationMs?: number;
  onTrafficProgress?: (stats: TrafficStats) => void;
  /** AWS's control-plane rate limits after seeding; default on. */
  controlLimits?: boolean;
}

export interface DemoStack {
  endpoint: string;
  gateway: Gateway;
  upstream: DemoUpstream;
  /** Ids and key values; print only the ids. */
  seeded: SeedResult;
  traffic: TrafficRun | undefined;
  close(): Promise<void>;
}

export async function startDemoStack(options: DemoStackOptions = {}): Promise<DemoStack> {
  const upstream = await startDemoUpstream({ port: options.upstreamPort ?? 4580 });
  let gateway: Gateway | undefined;
  try {
    // Seeding makes a burst of control-plane calls (CreateDeployment is limited to 1 per 5 s in AWS): limits off.
    gateway = await createGateway({
      port: options.gatewayPort,
      dataDir: options.dataDir,
      controlLimits: false,
    });
    const seeded = await seedDemo({
      endpoint: gateway.url,
      upstreamUrl: upstream.url,
      tenants: options.tenants,
    });
    // From here on the console meets AWS's real control-plane throttling, unless the operator switched it off.
    gateway.ctx.config.controlLimits = options.controlLimits ?? true;
    const rate = options.trafficRate ?? 10;
    const traffic =
      rate > 0
        ? await runTraffic({
            endpoint: gateway.url,
            rate,
            durationMs: options.trafficDurationMs ?? 8 * 3600_000,
            onProgress: options.onTrafficProgress,
          })
        : undefined;
    const gw = gateway;
    return {
      endpoint: gw.url,
      gateway: gw,
      upstream,
      seeded,
      traffic,
      async close() {
        await traffic?.stop();
        await gw.close();
        await upstream.close();
      },
    };
  } catch (e) {
    await gateway?.close();
    await upstream.close();
    throw e;
  }
}
