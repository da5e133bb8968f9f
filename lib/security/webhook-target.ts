import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/**
 * Where a webhook may not go: the console's own network. Loopback, private (RFC 1918, IPv6 ULA), link-local
 * (cloud metadata at 169.254.169.254 included), carrier-grade NAT, "this network", multicast and reserved ranges.
 */
const FORBIDDEN = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  FORBIDDEN.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const)
  FORBIDDEN.addSubnet(net, prefix, "ipv6");

/** Parses WEBHOOK_ALLOWED_NETWORKS ("127.0.0.0/8, ::1/128"); throws with the bad entry named. */
export function allowList(spec: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (spec ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [net = "", bits] = entry.split("/");
    const family = isIP(net);
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32))
      throw new Error(`WEBHOOK_ALLOWED_NETWORKS: "${entry}" is not a network such as 127.0.0.0/8`);
    list.addSubnet(net, prefix, family === 6 ? "ipv6" : "ipv4");
  }
  return list;
}

function family(address: string): "ipv4" | "ipv6" {
  return isIP(address) === 6 ? "ipv6" : "ipv4";
}

/** IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is. */
function unmapped(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? m[1]! : address;
}

export function isForbiddenAddress(address: string, allowed: BlockList): boolean {
  const a = unmapped(address);
  if (allowed.check(a, family(a))) return false;
  return FORBIDDEN.check(a, family(a));
}

export type Resolve = (host: string) => Promise<string[]>;
const systemResolve: Resolve = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((r) => r.address);

/**
 * Null when `url` may receive webhooks, else the reason. Every address the host resolves to is checked (a name
 * pointing at 127.0.0.1 or the metadata service is refused like the literal). Run at start and before each send,
 * so a name re-pointed later (DNS rebinding) is caught too.
 */
export async function webhookTargetProblem(
  url: string,
  allowed: BlockList,
  resolve: Resolve = systemResolve,
): Promise<string | null> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return "Enter an http:// or https:// URL.";
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return "Enter an http:// or https:// URL.";
  if (u.username || u.password) return "A webhook URL cannot carry a user name or password.";
  const host = u.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    return `The webhook host ${host} does not resolve.`;
  }
  if (addresses.length === 0) return `The webhook host ${host} does not resolve.`;
  const bad = addresses.find((a) => isForbiddenAddress(a, allowed));
  return bad
    ? `The webhook would reach ${bad}, a private, loopback or link-local address; webhooks go to public receivers only (an administrator can allow networks with WEBHOOK_ALLOWED_NETWORKS).`
    : null;
}
