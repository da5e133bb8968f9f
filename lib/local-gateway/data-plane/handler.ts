// STUB written by G1 so server.ts compiles; G3 owns this file and replaces it.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GatewayContext } from "../context";

export function handleDataPlane(_req: IncomingMessage, res: ServerResponse, _ctx: GatewayContext): void {
  res.writeHead(403, { "Content-Type": "application/json", "x-amzn-ErrorType": "MissingAuthenticationTokenException" });
  res.end('{"message":"Missing Authentication Token"}');
}
