import { describe, expect, it } from "vitest";
import { canaryStageName, chooseCanary, mergeStageVariables, seededRandom } from "./canary";

describe("chooseCanary", () => {
  it.each([
    [undefined, 0.0, false],
    [0, 0.0, false],
    [10, 0.099, true],
    [10, 0.1, false],
    [50, 0.49, true],
    [100, 0.999, true],
    [-5, 0.0, false],
  ])("percentTraffic %s with random %s → %s", (pct, r, expected) => {
    expect(chooseCanary(pct, () => r)).toBe(expected);
  });

  it.each([10, 25, 50, 90])("sends about %s %% of 10,000 seeded draws to the canary", (pct) => {
    const random = seededRandom(42);
    let canary = 0;
    for (let i = 0; i < 10_000; i++) if (chooseCanary(pct, random)) canary++;
    expect(Math.abs(canary / 100 - pct)).toBeLessThan(2);
  });
});

describe("seededRandom", () => {
  it("is reproducible and in [0, 1)", () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});

describe("mergeStageVariables", () => {
  it.each([
    [undefined, undefined, {}],
    [{ a: "1" }, undefined, { a: "1" }],
    [undefined, { a: "2" }, { a: "2" }],
    [
      { a: "1", b: "x" },
      { a: "2", c: "y" },
      { a: "2", b: "x", c: "y" },
    ],
  ])("%j + %j → %j", (vars, overrides, expected) => {
    expect(mergeStageVariables(vars, overrides)).toEqual(expected);
  });
});

it("canaryStageName", () => {
  expect(canaryStageName("prod")).toBe("prod/Canary");
});
