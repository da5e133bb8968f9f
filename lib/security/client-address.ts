import { isIP } from "node:net";

/**
 * The header instrumentation.ts sets on every request from the TCP socket's peer address, overwriting whatever a
 * client sent under that name. Next itself only fills X-Forwarded-For when the client did not, so that header
 * alone cannot be trusted.
 */
export const PEER_HEADER = "x-tollgate-peer";

const clean = (a: string) => {
  const v = a.trim().replace(/^\[|\]$/g, "");
  return v.startsWith("::ffff:") && isIP(v.slice(7)) === 4 ? v.slice(7) : v;
};

/**
 * The client's address: the socket peer when no proxy is trusted; with `trustedProxies` = N hops, the address
 * N entries from the right of [X-Forwarded-For…, peer] (each trusted proxy appends the address it saw; anything
 * further left was written by the client and is ignored). Null when there is no peer (a call outside HTTP).
 */
export function clientAddress(
  headers: { get(name: string): string | null },
  trustedProxies: number,
): string | null {
  const peer = headers.get(PEER_HEADER);
  if (!peer || !isIP(clean(peer))) return null;
  if (trustedProxies === 0) return clean(peer);
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map(clean)
    .filter((a) => a !== "");
  const chain = [...forwarded, clean(peer)];
  // Fewer entries than hops: the request bypassed a proxy; the leftmost is then the best there is.
  const candidate = chain[Math.max(0, chain.length - 1 - trustedProxies)]!;
  return isIP(candidate) ? candidate : clean(peer);
}
