import type { Clock } from "./clock";

/**
 * AWS's fixed API Gateway control-plane limits (docs/aws-api-gateway.md §5), as token buckets on the injected
 * clock. A refused call gets 429 TooManyRequestsException with Retry-After. Only the limits the issue names are enforced; the other
 * per-operation limits of §5 (CreateRestApi 1 per 3 s, DeleteRestApi 1 per 30 s, …) are not.
 */
interface BucketSpec {
  /** Tokens added per second. */
  rate: number;
  /** Bucket size. */
  burst: number;
}

export const TOTAL_LIMIT: BucketSpec = { rate: 10, burst: 40 };

export const OPERATION_LIMITS: Readonly<Record<string, BucketSpec>> = {
  CreateDeployment: { rate: 1 / 5, burst: 1 },
  UpdateUsagePlan: { rate: 1 / 20, burst: 1 },
  CreateApiKey: { rate: 5, burst: 5 },
  DeleteApiKey: { rate: 5, burst: 5 },
};

class Bucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly spec: BucketSpec,
    now: number,
  ) {
    this.tokens = spec.burst;
    this.last = now;
  }

  refill(now: number): void {
    if (now > this.last) {
      this.tokens = Math.min(this.spec.burst, this.tokens + ((now - this.last) / 1000) * this.spec.rate);
      this.last = now;
    }
  }

  /** Seconds until one token is available (0 when one is available now). */
  waitSeconds(): number {
    return this.tokens >= 1 ? 0 : (1 - this.tokens) / this.spec.rate;
  }

  take(): void {
    this.tokens -= 1;
  }
}

export class ControlLimits {
  private readonly total: Bucket;
  private readonly perOp = new Map<string, Bucket>();

  constructor(private readonly clock: Clock) {
    this.total = new Bucket(TOTAL_LIMIT, clock.now());
  }

  /** Takes a token for `op`; returns undefined if allowed, else the Retry-After in whole seconds (≥ 1). */
  admit(op: string): number | undefined {
    const now = this.clock.now();
    this.total.refill(now);
    const spec = OPERATION_LIMITS[op];
    let opBucket: Bucket | undefined;
    if (spec) {
      opBucket = this.perOp.get(op);
      if (!opBucket) {
        opBucket = new Bucket(spec, now);
        this.perOp.set(op, opBucket);
      }
      opBucket.refill(now);
    }
    const wait = Math.max(this.total.waitSeconds(), opBucket?.waitSeconds() ?? 0);
    if (wait > 0) return Math.max(1, Math.ceil(wait));
    this.total.take();
    opBucket?.take();
    return undefined;
  }
}
