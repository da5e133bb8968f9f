// @tollgate/local-gateway: the server. Start one in-process with createGateway(), or as a program with
// `npm run gateway` (src/cli.ts). Tests use "@tollgate/local-gateway/testing"; demo tooling "…/demo".
import { createGateway as createRunningGateway, type GatewayOptions } from "./server";
import type { Gateway } from "./public-gateway";

export type { Gateway } from "./public-gateway";
export type { GatewayOptions } from "./server";
export type { Clock } from "./clock";
export { loadConfig, type GatewayConfig } from "./config";

/** Starts a gateway (port 0 picks a free port); configuration not given comes from LOCAL_GATEWAY_* env vars. */
export function createGateway(opts: GatewayOptions = {}): Promise<Gateway> {
  return createRunningGateway(opts);
}
