import { Histogram } from "./histogram";

/** Aggregate of the samples of one series in one time slot (a minute, a second, or a merged period). */
export class Bucket {
  n = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  // Null while only StatisticValues (no raw values) were recorded: such slots answer no percentiles, as in AWS.
  hist: Histogram | null = null;

  add(value: number, count: number): void {
    this.n += count;
    this.sum += value * count;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    (this.hist ??= new Histogram()).add(value, count);
  }

  addStatistics(sampleCount: number, sum: number, min: number, max: number): void {
    this.n += sampleCount;
    this.sum += sum;
    if (min < this.min) this.min = min;
    if (max > this.max) this.max = max;
  }

  /** Merges the simple statistics only; percentiles over merged slots use percentileOfMany on the histograms. */
  mergeStatistics(other: Bucket): void {
    this.n += other.n;
    this.sum += other.sum;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  percentile(p: number): number | undefined {
    return exactEnds(this.hist?.percentile(p), p, this.min, this.max);
  }

  toJSON(): unknown[] {
    const row: unknown[] = [this.n, this.sum, this.min, this.max];
    if (this.hist) row.push(this.hist.toJSON());
    return row;
  }

  static fromJSON(raw: unknown): Bucket | null {
    if (!Array.isArray(raw) || raw.length < 4) return null;
    const b = new Bucket();
    b.n = Number(raw[0]);
    b.sum = Number(raw[1]);
    b.min = Number(raw[2]);
    b.max = Number(raw[3]);
    if (
      !Number.isFinite(b.n) ||
      !Number.isFinite(b.sum) ||
      !Number.isFinite(b.min) ||
      !Number.isFinite(b.max)
    ) {
      return null;
    }
    if (raw[4] !== undefined) b.hist = Histogram.fromJSON(raw[4]);
    return b;
  }
}

/** p0/p100 are the exact extremes, and no estimate is reported outside the data's range. */
export function exactEnds(
  estimate: number | undefined,
  p: number,
  min: number,
  max: number,
): number | undefined {
  if (estimate === undefined) return undefined;
  if (p <= 0) return min;
  if (p >= 100) return max;
  return Math.min(max, Math.max(min, estimate));
}
