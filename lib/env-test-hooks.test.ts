import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("TEST_HOOKS", () => {
  it("is off by default and may be switched on in local mode", () => {
    expect(parseEnv({}).TEST_HOOKS).toBe(false);
    expect(parseEnv({ TEST_HOOKS: "true" }).TEST_HOOKS).toBe(true);
  });
  it("is refused in aws mode, naming the variable", () => {
    expect(() => parseEnv({ TOLLGATE_MODE: "aws", AUTH_SECRET: "x".repeat(40), TEST_HOOKS: "true" })).toThrow(
      /TEST_HOOKS: is for tests against the Local Gateway only/,
    );
  });
  it("PARTNER_KEY_LIMIT defaults to 10 and refuses nonsense", () => {
    expect(parseEnv({}).PARTNER_KEY_LIMIT).toBe(10);
    expect(() => parseEnv({ PARTNER_KEY_LIMIT: "0" })).toThrow(/PARTNER_KEY_LIMIT/);
  });
});
