import { BlockList, isIP } from "node:net";

/**
 * A token's IP allow-list: addresses or CIDRs ("203.0.113.7", "10.0.0.0/8", "2001:db8::/32"). Pure; any caller.
 * `parseNetwork` returns null for anything else; `allows` with an empty list allows every address.
 */
export function parseNetwork(entry: string): { net: string; prefix: number; family: 4 | 6 } | null {
  const [net = "", bits, extra] = entry.trim().split("/");
  if (extra !== undefined) return null;
  const family = isIP(net);
  if (family !== 4 && family !== 6) return null;
  if (bits !== undefined && !/^\d{1,3}$/.test(bits)) return null;
  const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
  if (prefix > (family === 6 ? 128 : 32)) return null;
  return { net, prefix, family };
}

export function allows(list: readonly string[], address: string | null): boolean {
  if (list.length === 0) return true;
  if (!address) return false;
  const a = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;
  const family = isIP(a);
  if (!family) return false;
  const block = new BlockList();
  for (const entry of list) {
    const n = parseNetwork(entry);
    if (n) block.addSubnet(n.net, n.prefix, n.family === 6 ? "ipv6" : "ipv4");
  }
  return block.check(a, family === 6 ? "ipv6" : "ipv4");
}
