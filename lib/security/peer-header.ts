import { Server } from "node:http";
import { PEER_HEADER } from "./client-address";

let installed = false;

/**
 * Stamps each incoming request with its socket's peer address (PEER_HEADER), replacing any client-sent value.
 * Next gives application code no access to the socket, so this hooks the HTTP server's "request" event once per
 * process (from instrumentation.ts). Node-only.
 */
export function installPeerHeader(): void {
  if (installed) return;
  installed = true;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const req = args[0] as { headers: Record<string, unknown>; socket?: { remoteAddress?: string } };
      delete req.headers[PEER_HEADER];
      if (req.socket?.remoteAddress) req.headers[PEER_HEADER] = req.socket.remoteAddress;
    }
    return (emit as (...a: unknown[]) => boolean).call(this, event, ...args);
  } as typeof emit;
}
