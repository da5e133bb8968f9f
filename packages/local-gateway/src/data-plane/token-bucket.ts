/**
 * Token buckets as API Gateway describes them: "a token counts for a request", `rate` tokens are added per second
 * and `burst` is the bucket size. Time comes from the caller (the gateway's injectable clock), never Date.now().
 */

export interface ThrottleLimits {
  /** Tokens added per second. */
  rateLimit: number;
  /** Bucket size. A burst below 1 lets nothing through, as in AWS. */
  burstLimit: number;
}

export class TokenBucket {
  private tokens: number;
  private last: number;
  private rate: number;
  private burst: number;

  constructor(limits: ThrottleLimits, nowMs: number) {
    this.rate = Math.max(0, limits.rateLimit);
    this.burst = Math.max(0, limits.burstLimit);
    this.tokens = this.burst;
    this.last = nowMs;
  }

  /** Applies changed limits (UpdateUsagePlan, UpdateStage) without resetting what was already spent. */
  reconfigure(limits: ThrottleLimits): void {
    if (limits.rateLimit === this.rate && limits.burstLimit === this.burst) return;
    this.rate = Math.max(0, limits.rateLimit);
    this.burst = Math.max(0, limits.burstLimit);
    if (this.tokens > this.burst) this.tokens = this.burst;
  }

  private refill(nowMs: number): void {
    // A clock that goes backwards (tests resetting a fake clock) must not drain or overfill the bucket.
    if (nowMs > this.last) {
      this.tokens = Math.min(this.burst, this.tokens + ((nowMs - this.last) / 1000) * this.rate);
      this.last = nowMs;
    }
  }

  /** Takes one token if there is one; false means the request is throttled. */
  tryTake(nowMs: number): boolean {
    this.refill(nowMs);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }

  available(nowMs: number): number {
    this.refill(nowMs);
    return this.tokens;
  }

  /** True once the bucket is full again, i.e. forgetting it changes nothing. */
  isIdle(nowMs: number): boolean {
    return this.available(nowMs) >= this.burst;
  }
}

/**
 * Named buckets (per key, per key+method, per stage+method). Buckets are created on first use and dropped once full
 * again, so memory follows the set of recently active clients rather than every key ever seen.
 */
export class BucketRegistry {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly sweepAbove: number;

  constructor(sweepAbove = 10_000) {
    this.sweepAbove = sweepAbove;
  }

  tryTake(name: string, limits: ThrottleLimits, nowMs: number): boolean {
    let bucket = this.buckets.get(name);
    if (bucket === undefined) {
      if (this.buckets.size >= this.sweepAbove) this.sweep(nowMs);
      bucket = new TokenBucket(limits, nowMs);
      this.buckets.set(name, bucket);
    } else {
      bucket.reconfigure(limits);
    }
    return bucket.tryTake(nowMs);
  }

  get size(): number {
    return this.buckets.size;
  }

  sweep(nowMs: number): void {
    for (const [name, bucket] of this.buckets) {
      if (bucket.isIdle(nowMs)) this.buckets.delete(name);
    }
  }

  clear(): void {
    this.buckets.clear();
  }
}
