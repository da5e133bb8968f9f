import { Bucket } from "./bucket";

export interface Dimension {
  Name: string;
  Value: string;
}
/** Dimensions as the data plane has them (an object) or as the wire carries them (Name/Value pairs). */
export type Dimensions = Readonly<Record<string, string>> | ReadonlyArray<Dimension>;

export const MINUTE_MS = 60_000;
export const RETENTION_MS = 15 * 24 * 3600_000;
// AWS keeps 1-second data for 3 hours; older high-resolution data is only available as minutes.
export const HIGH_RES_RETENTION_MS = 3 * 3600_000;

/** Dimensions sorted by name: the canonical form used for keys, listing and matching. */
export function normaliseDimensions(dims: Dimensions | undefined): Dimension[] {
  if (!dims) return [];
  const list: Dimension[] = Array.isArray(dims)
    ? (dims as ReadonlyArray<Dimension>).map((d) => ({ Name: String(d.Name), Value: String(d.Value) }))
    : Object.entries(dims as Record<string, string>).map(([Name, Value]) => ({ Name, Value: String(Value) }));
  return list.sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
}

export function seriesKey(namespace: string, metricName: string, dims: ReadonlyArray<Dimension>): string {
  let key = namespace + "\u0001" + metricName;
  for (const d of dims) key += "\u0001" + d.Name + "\u0002" + d.Value;
  return key;
}

/** One metric time series: per-minute buckets for 15 days, per-second buckets (3 h) when sent at resolution 1. */
export class Series {
  readonly minutes = new Map<number, Bucket>();
  seconds: Map<number, Bucket> | null = null;
  readonly units = new Set<string>();
  lastUnit: string | undefined;
  lastTimestampMs = 0;

  constructor(
    readonly key: string,
    readonly namespace: string,
    readonly metricName: string,
    readonly dimensions: ReadonlyArray<Dimension>,
  ) {}

  noteUnit(unit: string | undefined): void {
    if (unit === undefined || unit === this.lastUnit) return;
    this.lastUnit = unit;
    this.units.add(unit);
  }

  /** The slot a sample goes to; creating it on first use keeps `add` to two map lookups. */
  minuteBucket(tsMs: number): Bucket {
    const m = Math.floor(tsMs / MINUTE_MS);
    let b = this.minutes.get(m);
    if (b === undefined) {
      b = new Bucket();
      this.minutes.set(m, b);
    }
    if (tsMs > this.lastTimestampMs) this.lastTimestampMs = tsMs;
    return b;
  }

  secondBucket(tsMs: number): Bucket {
    const s = Math.floor(tsMs / 1000);
    this.seconds ??= new Map();
    let b = this.seconds.get(s);
    if (b === undefined) {
      b = new Bucket();
      this.seconds.set(s, b);
    }
    return b;
  }

  add(value: number, tsMs: number, count: number, highRes: boolean): void {
    this.minuteBucket(tsMs).add(value, count);
    if (highRes) this.secondBucket(tsMs).add(value, count);
  }

  clear(): void {
    this.minutes.clear();
    this.seconds = null;
    this.units.clear();
    this.lastUnit = undefined;
    this.lastTimestampMs = 0;
  }

  /** Drops slots older than the retention windows; true when the series has no data left. */
  prune(nowMs: number): boolean {
    const oldestMinute = Math.floor((nowMs - RETENTION_MS) / MINUTE_MS);
    for (const m of this.minutes.keys()) if (m < oldestMinute) this.minutes.delete(m);
    if (this.seconds) {
      const oldestSecond = Math.floor((nowMs - HIGH_RES_RETENTION_MS) / 1000);
      for (const s of this.seconds.keys()) if (s < oldestSecond) this.seconds.delete(s);
      if (this.seconds.size === 0) this.seconds = null;
    }
    return this.minutes.size === 0;
  }
}

/** The time span that received samples since the last flush: the day files a flush must rewrite. */
export class ChangeLog {
  fromMs = Infinity;
  toMs = -Infinity;

  touch(tsMs: number): void {
    if (tsMs < this.fromMs) this.fromMs = tsMs;
    if (tsMs > this.toMs) this.toMs = tsMs;
  }

  take(): { fromMs: number; toMs: number } | undefined {
    if (this.fromMs > this.toMs) return undefined;
    const span = { fromMs: this.fromMs, toMs: this.toMs };
    this.fromMs = Infinity;
    this.toMs = -Infinity;
    return span;
  }
}

/** A resolved series the data plane keeps so each sample costs no key building at all. */
export class SeriesHandle {
  constructor(
    readonly series: Series,
    private readonly highRes: boolean,
    private readonly changes: ChangeLog,
  ) {}

  add(value: number, tsMs: number, count = 1): void {
    this.series.add(value, tsMs, count, this.highRes);
    this.changes.touch(tsMs);
  }
}
