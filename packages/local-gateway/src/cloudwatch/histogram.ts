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
  /** Total samples, kept up to date so percentiles need not sum the bins. */
  count = 0;

  add(value: number, count: number): void {
    this.count += count;
    if (value > MIN_MAGNITUDE) insert(this.keys, this.counts, binIndex(value), count);
    else if (value < -MIN_MAGNITUDE) {
      this.negKeys ??= [];
      this.negCounts ??= [];
      insert(this.negKeys, this.negCounts, binIndex(-value), count);
    } else this.zero += count;
  }

  merge(other: Histogram): void {
    if (this.keys.length === 0) {
      this.keys = other.keys.slice();
      this.counts = other.counts.slice();
    } else if (other.keys.length > 0)
      [this.keys, this.counts] = mergeSorted(this.keys, this.counts, other.keys, other.counts);
    if (other.negKeys && other.negCounts) {
      [this.negKeys, this.negCounts] = mergeSorted(
        this.negKeys ?? [],
        this.negCounts ?? [],
        other.negKeys,
        other.negCounts,
      );
    }
    this.zero += other.zero;
    this.count += other.count;
  }

  total(): number {
    return this.count;
  }

  /** Nearest-rank percentile (p in 0..100): the smallest value with at least p % of the samples at or below it. */
  percentile(p: number): number | undefined {
    const n = this.count;
    if (n === 0) return undefined;
    const rank = Math.max(1, Math.ceil((p / 100) * n));
    // High percentiles of positive data (the usual p90/p99 of latencies) are found fastest from the top.
    if (rank > n / 2) {
      let above = 0;
      for (let i = this.keys.length - 1; i >= 0; i--) {
        if (n - above - this.counts[i]! < rank) return binValue(this.keys[i]!);
        above += this.counts[i]!;
      }
    }
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
    h.count = h.zero;
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
      h.count += c;
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

function mergeSorted(ak: number[], ac: number[], bk: number[], bc: number[]): [number[], number[]] {
  const keys: number[] = [];
  const counts: number[] = [];
  let i = 0;
  let j = 0;
  while (i < ak.length && j < bk.length) {
    const a = ak[i]!;
    const b = bk[j]!;
    if (a === b) {
      keys.push(a);
      counts.push(ac[i++]! + bc[j++]!);
    } else if (a < b) {
      keys.push(a);
      counts.push(ac[i++]!);
    } else {
      keys.push(b);
      counts.push(bc[j++]!);
    }
  }
  for (; i < ak.length; i++) {
    keys.push(ak[i]!);
    counts.push(ac[i]!);
  }
  for (; j < bk.length; j++) {
    keys.push(bk[j]!);
    counts.push(bc[j]!);
  }
  return [keys, counts];
}

// Reused across calls: percentiles over a period of many minutes add the minutes' bins into one dense array
// instead of merging sparse histograms pairwise (which is quadratic in the number of minutes).
let scratch = new Float64Array(4096);
const MAX_DENSE_SPAN = 1 << 16;

/** Nearest-rank percentile of the union of several histograms, without building the merged histogram. */
export function percentileOfMany(hists: readonly Histogram[], p: number): number | undefined {
  if (hists.length === 1) return hists[0]!.percentile(p);
  let n = 0;
  let lo = Infinity;
  let hi = -Infinity;
  let simple = true;
  for (const h of hists) {
    n += h.count;
    if (h.zero > 0 || (h.negKeys && h.negKeys.length > 0)) simple = false;
    if (h.keys.length > 0) {
      if (h.keys[0]! < lo) lo = h.keys[0]!;
      if (h.keys[h.keys.length - 1]! > hi) hi = h.keys[h.keys.length - 1]!;
    }
  }
  if (n === 0) return undefined;
  if (!simple || hi - lo >= MAX_DENSE_SPAN) {
    const merged = new Histogram();
    for (const h of hists) merged.merge(h);
    return merged.percentile(p);
  }
  const size = hi - lo + 1;
  if (scratch.length < size) scratch = new Float64Array(size * 2);
  scratch.fill(0, 0, size);
  for (const h of hists) for (let i = 0; i < h.keys.length; i++) scratch[h.keys[i]! - lo]! += h.counts[i]!;
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  if (rank > n / 2) {
    let above = 0;
    for (let i = size - 1; i >= 0; i--) {
      const c = scratch[i]!;
      if (c > 0 && n - above - c < rank) return binValue(lo + i);
      above += c;
    }
  }
  let seen = 0;
  for (let i = 0; i < size; i++) {
    seen += scratch[i]!;
    if (seen >= rank) return binValue(lo + i);
  }
  return binValue(hi);
}
