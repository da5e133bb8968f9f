import { describe, expect, it } from "vitest";
import { stageChange, stageVariableName, stageVariableValue, stageVariables } from "./stages";

describe("stage variable rules (AWS's)", () => {
  it.each(["a", "A_1", "x".repeat(64)])("accepts the name %s", (n) =>
    expect(stageVariableName.safeParse(n).success).toBe(true),
  );
  it.each([
    ["", /Enter/],
    ["has-dash", /letters, digits and _/],
    ["sp ace", /letters/],
    ["x".repeat(65), /64/],
  ])("refuses the name %j", (n, msg) => {
    const r = stageVariableName.safeParse(n);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(msg);
  });
  it.each(["v2", "127.0.0.1:4580", "a-b._~:/?#&=,", "x".repeat(512)])("accepts the value %s", (v) =>
    expect(stageVariableValue.safeParse(v).success).toBe(true),
  );
  it.each([
    ["", /Enter a value/],
    ["has space", /only letters/],
    ["semi;colon", /only letters/],
    ["x".repeat(513), /512/],
  ])("refuses the value %j", (v, msg) => {
    const r = stageVariableValue.safeParse(v);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(msg);
  });
  it("allows at most 100 variables per stage", () => {
    const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`v${i}`, "x"]));
    expect(stageVariables.safeParse(many(100)).success).toBe(true);
    expect(stageVariables.safeParse(many(101)).error?.issues[0]?.message).toMatch(/at most 100/);
  });
  it("refuses canary percentages outside (0, 100) with a reason", () => {
    const base = { kind: "canary-percent" } as const;
    expect(stageChange.safeParse({ ...base, percentTraffic: "25" }).success).toBe(true);
    expect(stageChange.safeParse({ ...base, percentTraffic: 0 }).error?.issues[0]?.message).toMatch(
      /more than 0/,
    );
    expect(stageChange.safeParse({ ...base, percentTraffic: 100 }).error?.issues[0]?.message).toMatch(
      /promote/,
    );
  });
});
