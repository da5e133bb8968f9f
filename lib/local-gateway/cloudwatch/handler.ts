// STUB written by G1 so server.ts compiles; G2 owns this file and replaces it.
import type { OpContext } from "../context";
import { GatewayError, type Reply } from "../http";

export function handleCloudWatch(ctx: OpContext): Reply {
  throw new GatewayError(400, "InvalidAction", `CloudWatch operation ${ctx.op} is not implemented yet`);
}
