// Log-scale histogram (DDSketch-style) so percentiles can be answered from per-minute buckets and from any merge
// of them. A bin i holds values in (GAMMA^(i-1), GAMMA^i]; answering with 2·GAMMA^i/(GAMMA+1) keeps the relative
// error of any reported percentile at most (GAMMA-1)/(GAMMA+1) ≈ 0.99 %.

export const HISTOGRAM_GAMMA = 1.02;
export const HISTOGRAM_RELATIVE_ERROR = (HISTOGRAM_GAMMA - 1) / (HISTOGRAM_GAMMA + 1);
const LN_GAMMA = Math.log(HISTOGRAM_GAMMA);
// Values this close to zero are counted as zero: nothing AWS/ApiGateway records is that small.
const MIN_MAGNITUDE = 1e-9;

export function binIndex(magnitude: number): number {
  return Math.ceil(Math.log(magnitude) / LN_GAMMA);
}

function binValue(index: number): number {
  return (2 * Math.pow(HISTOGRAM_GAMMA, index)) / (HISTOGRAM_GAMMA + 1);
}

/** Sorted sparse bins: keys ascending, counts aligned. Minute buckets hold a few dozen bins at most. */
export class Histogram {
  keys: number[] = [];
  counts: number[] = [];
  negKeys: number[] | null = null;
  negCounts: number[] | null = null;
  zero = 0;

  add(value: number, count: number): void {
    if (value > MIN_MAGNITUDE) insert(this.keys, this.counts, binIndex(value), count);
    else if (value < -MIN_MAGNITUDE) {
      this.negKeys ??= [];
      this.negCounts ??= [];
      insert(this.negKeys, this.negCounts, binIndex(-value), count);
    } else this.zero += count;
  }

  merge(other: Histogram): void {
    for (let i = 0; i < other.keys.length; i++) insert(this.keys, this.counts, other.keys[i]!, other.counts[i]!);
    if (other.negKeys && other.negCounts) {
      this.negKeys ??= [];
      this.negCounts ??= [];
      for (let i = 0; i < other.negKeys.length; i++) {
        insert(this.negKeys, this.negCounts, other.negKeys[i]!, other.negCounts[i]!);
      }
    }
    this.zero += other.zero;
  }

  total(): number {
    let n = this.zero;
    for (const c of this.counts) n += c;
    if (this.negCounts) for (const c of this.negCounts) n += c;
    return n;
  }

  /** Nearest-rank percentile (p in 0..100): the smallest value with at least p % of the samples at or below it. */
  percentile(p: number): number | undefined {
    const n = this.total();
    if (n === 0) return undefined;
    const rank = Math.max(1, Math.ceil((p / 100) * n));
    let seen = 0;
    if (this.negKeys && this.negCounts) {
      // Negative magnitudes: the largest magnitude is the smallest value, so walk them from the end.
      for (let i = this.negKeys.length - 1; i >= 0; i--) {
        seen += this.negCounts[i]!;
        if (seen >= rank) return -binValue(this.negKeys[i]!);
      }
    }
    seen += this.zero;
    if (seen >= rank) return 0;
    for (let i = 0; i < this.keys.length; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return binValue(this.keys[i]!);
    }
    return binValue(this.keys[this.keys.length - 1] ?? 0);
  }

  /** Compact persisted form: [zero, k1, c1, k2, c2, …, "n", nk1, nc1, …]. */
  toJSON(): Array<number | string> {
    const out: Array<number | string> = [this.zero];
    for (let i = 0; i < this.keys.length; i++) out.push(this.keys[i]!, this.counts[i]!);
    if (this.negKeys && this.negCounts && this.negKeys.length > 0) {
      out.push("n");
      for (let i = 0; i < this.negKeys.length; i++) out.push(this.negKeys[i]!, this.negCounts[i]!);
    }
    return out;
  }

  static fromJSON(raw: unknown): Histogram {
    const h = new Histogram();
    if (!Array.isArray(raw)) return h;
    h.zero = Number(raw[0]) || 0;
    let neg = false;
    for (let i = 1; i < raw.length; i++) {
      if (raw[i] === "n") {
        neg = true;
        h.negKeys = [];
        h.negCounts = [];
        continue;
      }
      const k = Number(raw[i]);
      const c = Number(raw[i + 1]);
      i++;
      if (!Number.isFinite(k) || !Number.isFinite(c)) continue;
      if (neg) insert(h.negKeys!, h.negCounts!, k, c);
      else insert(h.keys, h.counts, k, c);
    }
    return h;
  }
}

function insert(keys: number[], counts: number[], key: number, count: number): void {
  const last = keys.length - 1;
  // Fast paths: latency-like data mostly lands on an existing bin near the end.
  if (last >= 0 && keys[last] === key) {
    counts[last]! += count;
    return;
  }
  if (last < 0 || keys[last]! < key) {
    keys.push(key);
    counts.push(count);
    return;
  }
  let lo = 0;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  if (keys[lo] === key) counts[lo]! += count;
  else {
    keys.splice(lo, 0, key);
    counts.splice(lo, 0, count);
  }
}
