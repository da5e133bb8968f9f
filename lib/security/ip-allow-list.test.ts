import { describe, expect, it } from "vitest";
import { allows, parseNetwork } from "./ip-allow-list";

describe("token IP allow-lists", () => {
  it.each([
    ["203.0.113.7", true],
    ["10.0.0.0/8", true],
    ["2001:db8::/32", true],
    ["::1", true],
    ["10.0.0.0/33", false],
    ["10.0.0.0/8/1", false],
    ["10.0.0.0/x", false],
    ["example.com", false],
    ["", false],
  ])("parseNetwork(%j) accepts: %s", (entry, ok) => {
    expect(parseNetwork(entry) !== null).toBe(ok);
  });
  it.each([
    [[], "198.51.100.1", true],
    [[], null, true],
    [["203.0.113.0/24"], "203.0.113.99", true],
    [["203.0.113.0/24"], "::ffff:203.0.113.99", true],
    [["203.0.113.0/24"], "203.0.114.1", false],
    [["203.0.113.0/24"], null, false],
    [["2001:db8::/32"], "2001:db8::1", true],
    [["2001:db8::/32"], "203.0.113.1", false],
  ] as [string[], string | null, boolean][])("allows(%j, %j) = %s", (list, address, ok) => {
    expect(allows(list, address)).toBe(ok);
  });
});
