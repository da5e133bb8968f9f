// The budget's configuration: defaults, derived burst, and bad values refused by name (never coerced).
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("AWS budget configuration", () => {
  it("defaults to 2 calls/s with a burst of one second's worth, and CloudWatch 5/s", () => {
    const e = parseEnv({ DATA_DIR: "/tmp/tollgate-env-test" });
    expect(e.AWS_CONTROL_PLANE_RPS).toBe(2);
    expect(e.controlPlaneBurst).toBe(2);
    expect(e.AWS_CLOUDWATCH_RPS).toBe(5);
  });

  it("derives the burst from a fractional rate and honours an explicit one", () => {
    expect(
      parseEnv({ DATA_DIR: "/tmp/tollgate-env-test", AWS_CONTROL_PLANE_RPS: "0.5" }).controlPlaneBurst,
    ).toBe(1);
    expect(
      parseEnv({
        DATA_DIR: "/tmp/tollgate-env-test",
        AWS_CONTROL_PLANE_RPS: "3",
        AWS_CONTROL_PLANE_BURST: "6",
      }).controlPlaneBurst,
    ).toBe(6);
  });

  it.each([
    ["AWS_CONTROL_PLANE_RPS", "0"],
    ["AWS_CONTROL_PLANE_RPS", "fast"],
    ["AWS_CONTROL_PLANE_RPS", "1000"],
    ["AWS_CONTROL_PLANE_BURST", "0"],
    ["AWS_CONTROL_PLANE_BURST", "1.5"],
    ["AWS_CLOUDWATCH_RPS", "-1"],
  ])("refuses %s=%s by name", (name, value) => {
    expect(() => parseEnv({ DATA_DIR: "/tmp/tollgate-env-test", [name]: value })).toThrow(
      new RegExp(`- ${name}: `),
    );
  });
});
