/**
 * Per-token request budget of /api/v1: a token bucket per token and replica, refilled at `ratePerMinute / 60` a
 * second, holding at most a tenth of a minute's worth (at least 5) so a burst cannot spend the whole minute at once.
 * Pure apart from its in-memory state; `take` returns 0 when the request may go, or the seconds to wait.
 */
type Bucket = { tokens: number; at: number; rate: number };
const g = globalThis as unknown as { __tollgateApiBuckets?: Map<string, Bucket> };
const buckets = (g.__tollgateApiBuckets ??= new Map());

export function burstOf(ratePerMinute: number): number {
  return Math.max(5, Math.ceil(ratePerMinute / 10));
}

export function take(tokenId: string, ratePerMinute: number, nowMs = Date.now()): number {
  const perMs = ratePerMinute / 60_000;
  const cap = burstOf(ratePerMinute);
  const b = buckets.get(tokenId);
  const cur: Bucket =
    b && b.rate === ratePerMinute
      ? { ...b, tokens: Math.min(cap, b.tokens + (nowMs - b.at) * perMs), at: nowMs }
      : { tokens: cap, at: nowMs, rate: ratePerMinute };
  if (cur.tokens >= 1) {
    buckets.set(tokenId, { ...cur, tokens: cur.tokens - 1 });
    return 0;
  }
  buckets.set(tokenId, cur);
  return Math.max(1, Math.ceil((1 - cur.tokens) / perMs / 1000));
}

/** Tests only: forget every bucket. */
export function resetBuckets(): void {
  buckets.clear();
}
