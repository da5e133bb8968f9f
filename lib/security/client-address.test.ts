import { describe, expect, it } from "vitest";
import { clientAddress, PEER_HEADER } from "./client-address";

const h = (o: Record<string, string>) => new Headers(o);

// Issue 13: the throttle trusted any X-Forwarded-For, so a new made-up value per attempt got a fresh allowance.
describe("clientAddress", () => {
  it("uses the socket's address and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(clientAddress(h({ [PEER_HEADER]: "203.0.113.9", "x-forwarded-for": "1.2.3.4" }), 0)).toBe(
      "203.0.113.9",
    );
    expect(clientAddress(h({ [PEER_HEADER]: "::ffff:203.0.113.9" }), 0)).toBe("203.0.113.9");
  });

  it("with one trusted proxy takes the address that proxy appended, not what the client wrote", () => {
    const peer = { [PEER_HEADER]: "10.0.0.2" }; // the load balancer
    expect(clientAddress(h({ ...peer, "x-forwarded-for": "198.51.100.7" }), 1)).toBe("198.51.100.7");
    // A client-forged two-hop header: the forged left part is ignored.
    expect(clientAddress(h({ ...peer, "x-forwarded-for": "6.6.6.6, 198.51.100.7" }), 1)).toBe("198.51.100.7");
    expect(clientAddress(h({ ...peer, "x-forwarded-for": "6.6.6.6, 7.7.7.7, 198.51.100.7" }), 2)).toBe(
      "7.7.7.7",
    );
  });

  it("falls back sensibly: a bypassed proxy, garbage, no peer", () => {
    expect(clientAddress(h({ [PEER_HEADER]: "198.51.100.7" }), 1)).toBe("198.51.100.7");
    expect(clientAddress(h({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "not-an-ip" }), 1)).toBe(
      "10.0.0.2",
    );
    expect(clientAddress(h({ "x-forwarded-for": "1.2.3.4" }), 0)).toBeNull();
  });
});
