import { describe, expect, it } from "vitest";
import { definedOnly } from "./defined-only";

describe("definedOnly", () => {
  it("drops undefined, null and empty strings, keeps every other value", () => {
    const at = new Date(0);
    expect(definedOnly({ a: undefined, b: null, c: "", d: "x", e: 0, f: false, g: at, h: [] })).toEqual({
      d: "x",
      e: 0,
      f: false,
      g: at,
      h: [],
    });
  });
  it("leaves no key behind for a dropped entry (Prisma's strictUndefinedChecks would refuse it)", () => {
    expect(Object.keys(definedOnly({ q: undefined, status: "ACTIVE" }))).toEqual(["status"]);
  });
});
