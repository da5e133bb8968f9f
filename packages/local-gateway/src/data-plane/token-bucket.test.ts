import { describe, expect, it } from "vitest";
import { BucketRegistry, TokenBucket } from "./token-bucket";

function takeMany(bucket: TokenBucket, n: number, nowMs: number): number {
  let ok = 0;
  for (let i = 0; i < n; i++) if (bucket.tryTake(nowMs)) ok++;
  return ok;
}

describe("TokenBucket", () => {
  it.each([
    { rate: 5, burst: 10, attempts: 20, allowed: 10 },
    { rate: 100, burst: 1, attempts: 5, allowed: 1 },
    { rate: 1, burst: 0, attempts: 3, allowed: 0 },
    { rate: 0, burst: 3, attempts: 5, allowed: 3 },
    { rate: 2, burst: 2.5, attempts: 5, allowed: 2 },
  ])("lets a burst of $burst through at one instant (rate $rate)", ({ rate, burst, attempts, allowed }) => {
    const bucket = new TokenBucket({ rateLimit: rate, burstLimit: burst }, 0);
    expect(takeMany(bucket, attempts, 0)).toBe(allowed);
  });

  it.each([
    { rate: 5, burst: 10, elapsedMs: 1000, refilled: 5 },
    { rate: 5, burst: 10, elapsedMs: 200, refilled: 1 },
    { rate: 5, burst: 10, elapsedMs: 199, refilled: 0 },
    { rate: 5, burst: 10, elapsedMs: 60_000, refilled: 10 },
    { rate: 0.5, burst: 4, elapsedMs: 2000, refilled: 1 },
    { rate: 0, burst: 4, elapsedMs: 60_000, refilled: 0 },
  ])(
    "refills $rate tokens/s: $refilled after $elapsedMs ms (capped at burst)",
    ({ rate, burst, elapsedMs, refilled }) => {
      const bucket = new TokenBucket({ rateLimit: rate, burstLimit: burst }, 0);
      takeMany(bucket, burst, 0);
      expect(bucket.tryTake(0)).toBe(false);
      expect(takeMany(bucket, burst + 5, elapsedMs)).toBe(refilled);
    },
  );

  it("sustains exactly the rate over time once the burst is spent", () => {
    const bucket = new TokenBucket({ rateLimit: 10, burstLimit: 20 }, 0);
    let ok = 0;
    // 50 attempts every 100 ms for 10 s: 20 burst + 10/s × 10 s.
    for (let t = 0; t < 10_000; t += 100) ok += takeMany(bucket, 50, t);
    expect(ok).toBe(20 + 99);
  });

  it("ignores a clock going backwards", () => {
    const bucket = new TokenBucket({ rateLimit: 1, burstLimit: 1 }, 5000);
    expect(bucket.tryTake(5000)).toBe(true);
    expect(bucket.tryTake(1000)).toBe(false);
    expect(bucket.tryTake(5999)).toBe(false);
    expect(bucket.tryTake(6000)).toBe(true);
  });

  it("reconfigure keeps spent tokens and clamps to a smaller burst", () => {
    const bucket = new TokenBucket({ rateLimit: 1, burstLimit: 10 }, 0);
    takeMany(bucket, 4, 0);
    bucket.reconfigure({ rateLimit: 1, burstLimit: 3 });
    expect(bucket.available(0)).toBe(3);
    bucket.reconfigure({ rateLimit: 1, burstLimit: 100 });
    expect(bucket.available(0)).toBe(3);
    expect(bucket.available(2000)).toBe(5);
  });
});

describe("BucketRegistry", () => {
  it("keeps one bucket per name", () => {
    const reg = new BucketRegistry();
    const limits = { rateLimit: 1, burstLimit: 2 };
    expect([reg.tryTake("a", limits, 0), reg.tryTake("a", limits, 0), reg.tryTake("a", limits, 0)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(reg.tryTake("b", limits, 0)).toBe(true);
    expect(reg.size).toBe(2);
  });

  it("sweeps buckets that are full again once it grows past its bound", () => {
    const reg = new BucketRegistry(3);
    const limits = { rateLimit: 1, burstLimit: 1 };
    reg.tryTake("a", limits, 0);
    reg.tryTake("b", limits, 0);
    reg.tryTake("c", limits, 900);
    reg.tryTake("d", limits, 1000);
    // a and b refilled by t=1000, c did not.
    expect(reg.size).toBe(2);
    expect(reg.tryTake("c", limits, 1000)).toBe(false);
  });
});
