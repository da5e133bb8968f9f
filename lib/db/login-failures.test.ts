import { describe, expect, it } from "vitest";
import { secondsUntilAllowed, throttleKeys, throttleMessage } from "@/lib/auth/login-throttle";
import { uid } from "@/test/fixtures";
import { clearFailures, recordFailures } from "./login-failures";

describe("sign-in throttling", () => {
  it("allows 4 failures, pauses after the 5th for the rest of the window, per account and per address", async () => {
    const email = `t-${uid()}@x.example`;
    const ip = `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const keys = throttleKeys(email, ip);
    for (let i = 0; i < 4; i++) await recordFailures(keys);
    expect(await secondsUntilAllowed(keys)).toBe(0);
    await recordFailures(keys);
    const wait = await secondsUntilAllowed(keys);
    expect(wait).toBeGreaterThan(55);
    expect(wait).toBeLessThanOrEqual(60);
    // The same address trying another account is also paused; the account from another address too.
    expect(await secondsUntilAllowed(throttleKeys(`other-${uid()}@x.example`, ip))).toBeGreaterThan(0);
    expect(await secondsUntilAllowed(throttleKeys(email, "192.0.2.1"))).toBeGreaterThan(0);
    // After the window the pause ends.
    expect(await secondsUntilAllowed(keys, new Date(Date.now() + 61_000))).toBe(0);
    await clearFailures(`email:${email}`);
    await clearFailures(`ip:${ip}`);
    expect(await secondsUntilAllowed(keys)).toBe(0);
  });

  it("says how long to wait", () => {
    expect(throttleMessage(42)).toMatch(/try again in 42 seconds/);
    expect(throttleMessage(1)).toMatch(/1 second\./);
  });
});
