import { describe, expect, it } from "vitest";
import { burstOf, resetBuckets, take } from "./rate-limit";

describe("per-token rate limit", () => {
  it("lets a burst through, then refuses with the seconds until the next request may go", () => {
    resetBuckets();
    const t0 = 1_000_000;
    const burst = burstOf(60); // 60 a minute: one a second, burst 6
    expect(burst).toBe(6);
    for (let i = 0; i < burst; i++) expect(take("a", 60, t0)).toBe(0);
    expect(take("a", 60, t0)).toBe(1);
    expect(take("a", 60, t0 + 1000)).toBe(0);
    expect(take("b", 60, t0)).toBe(0); // another token has its own bucket
  });
  it("waits longer at a slow rate", () => {
    resetBuckets();
    for (let i = 0; i < burstOf(6); i++) take("slow", 6, 0);
    expect(take("slow", 6, 0)).toBe(10);
  });
});
