import { describe, expect, it } from "vitest";
import {
  clearLoginFailures,
  RESET_MAX_PER_ACCOUNT,
  RESET_MAX_PER_ADDRESS,
  resetThrottleMessage,
  secondsUntilAllowed,
  takeResetRequest,
  throttleKeys,
  throttleMessage,
} from "@/lib/auth/login-throttle";
import { uid } from "@/test/fixtures";
import { recordFailures } from "./login-failures";

const anIp = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const anEmail = () => `t-${uid()}@x.example`;

describe("sign-in throttling", () => {
  it("pauses one account from one address after 5 failures, for the rest of the window", async () => {
    const email = anEmail();
    const ip = anIp();
    const keys = throttleKeys(email, ip);
    for (let i = 0; i < 4; i++) await recordFailures(keys);
    expect(await secondsUntilAllowed(keys)).toBe(0);
    await recordFailures(keys);
    const wait = await secondsUntilAllowed(keys);
    expect(wait).toBeGreaterThan(55);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await secondsUntilAllowed(keys, new Date(Date.now() + 61_000))).toBe(0);
    await clearLoginFailures(email, ip);
    expect(await secondsUntilAllowed(keys)).toBe(0);
  });

  // Issue 13: 5 failures from anywhere locked the account for everyone — a free denial of service.
  it("an attacker's failures do not lock the owner out from another address until the account threshold", async () => {
    const email = anEmail();
    const attacker = anIp();
    for (let i = 0; i < 10; i++) await recordFailures(throttleKeys(email, attacker));
    expect(await secondsUntilAllowed(throttleKeys(email, attacker))).toBeGreaterThan(0);
    expect(await secondsUntilAllowed(throttleKeys(email, anIp()))).toBe(0);
    // Many addresses at one account: at 50 failures the account itself pauses.
    for (let i = 0; i < 40; i++) await recordFailures(throttleKeys(email, anIp()));
    expect(await secondsUntilAllowed(throttleKeys(email, anIp()))).toBeGreaterThan(0);
  });

  it("one address spraying many accounts is paused after 30 failures", async () => {
    const ip = anIp();
    for (let i = 0; i < 29; i++) await recordFailures(throttleKeys(anEmail(), ip));
    expect(await secondsUntilAllowed(throttleKeys(anEmail(), ip))).toBe(0);
    await recordFailures(throttleKeys(anEmail(), ip));
    expect(await secondsUntilAllowed(throttleKeys(anEmail(), ip))).toBeGreaterThan(0);
  });

  it("says how long to wait", () => {
    expect(throttleMessage(42)).toMatch(/try again in 42 seconds/);
    expect(throttleMessage(1)).toMatch(/1 second\./);
  });
});

describe("password-reset request throttling", () => {
  it("mails one address at most 3 times an hour, from any client address", async () => {
    const email = anEmail();
    for (let i = 0; i < RESET_MAX_PER_ACCOUNT; i++) expect(await takeResetRequest(email, anIp())).toBe(0);
    const wait = await takeResetRequest(email.toUpperCase(), anIp());
    expect(wait).toBeGreaterThan(3500);
    expect(wait).toBeLessThanOrEqual(3600);
    expect(await takeResetRequest(email, anIp(), new Date(Date.now() + 3601_000))).toBe(0);
  });

  it("lets one client address ask for 10 addresses an hour, then pauses it (other clients unaffected)", async () => {
    const ip = anIp();
    for (let i = 0; i < RESET_MAX_PER_ADDRESS; i++) expect(await takeResetRequest(anEmail(), ip)).toBe(0);
    expect(await takeResetRequest(anEmail(), ip)).toBeGreaterThan(0);
    expect(await takeResetRequest(anEmail(), anIp())).toBe(0);
  });

  it("a refused request is not counted, so waiting out the window is enough", async () => {
    const email = anEmail();
    const ip = anIp();
    for (let i = 0; i < RESET_MAX_PER_ACCOUNT; i++) await takeResetRequest(email, ip);
    for (let i = 0; i < 5; i++) expect(await takeResetRequest(email, ip)).toBeGreaterThan(0);
    expect(await takeResetRequest(email, ip, new Date(Date.now() + 3601_000))).toBe(0);
  });

  it("says how long to wait in minutes", () => {
    expect(resetThrottleMessage(3599)).toMatch(/Try again in 60 minutes/);
    expect(resetThrottleMessage(30)).toMatch(/1 minute,/);
  });
});
