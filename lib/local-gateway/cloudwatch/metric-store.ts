import { mkdirSync, readFileSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { StoredAlarm } from "./alarm-types";
import { evaluateAllAlarms } from "./alarms";
import { Bucket } from "./bucket";
import {
  type Dimension,
  type Dimensions,
  MINUTE_MS,
  normaliseDimensions,
  Series,
  SeriesHandle,
  seriesKey,
} from "./series";

export { SeriesHandle, type Dimension, type Dimensions } from "./series";

export interface MetricStoreOptions {
  dataDir: string;
  clock: { now(): number };
  /** How often the store is written to disk; 0 turns the timer off (tests flush explicitly). Default 30 s. */
  flushIntervalMs?: number;
  /** How often alarms are evaluated on the real timer; 0 turns it off. Default 60 s. */
  alarmIntervalMs?: number;
}

export interface RecordOptions {
  timestampMs?: number;
  unit?: string;
  /** How many samples of `value` this call stands for (PutMetricData Values+Counts). Default 1. */
  count?: number;
  /** 1 also keeps the sample at 1-second resolution (StorageResolution=1). */
  storageResolution?: number;
}

const FILE_NAME = "metrics.json";
const FORMAT_VERSION = 1;

/**
 * All CloudWatch data of the emulated account: metric series and metric alarms. The data plane records through
 * `series()` handles (or `record()`); the CloudWatch handler queries it. Persisted to `<dataDir>/metrics.json`.
 */
export class MetricStore {
  readonly clock: { now(): number };
  readonly alarms = new Map<string, StoredAlarm>();
  private readonly byKey = new Map<string, Series>();
  // Per dimension object (the data plane reuses its objects): namespace → metric name → series; no key building.
  private readonly byDimsObject = new WeakMap<object, Map<string, Map<string, Series>>>();
  private readonly file: string;
  private readonly timers: NodeJS.Timeout[] = [];
  // Shared with handles so a sample added through one schedules a write too.
  private readonly changes = { dirty: false };
  private writing: Promise<void> | null = null;
  private lastAlarmMinute = -1;

  constructor(opts: MetricStoreOptions) {
    this.clock = opts.clock;
    mkdirSync(opts.dataDir, { recursive: true });
    this.file = join(opts.dataDir, FILE_NAME);
    this.load();
    const flushEvery = opts.flushIntervalMs ?? 30_000;
    if (flushEvery > 0) this.timers.push(setInterval(() => void this.flush(), flushEvery).unref());
    const alarmEvery = opts.alarmIntervalMs ?? 60_000;
    if (alarmEvery > 0) this.timers.push(setInterval(() => this.evaluateAlarmsIfDue(), alarmEvery).unref());
  }

  /** Resolves (creating on first use) a series; keep the handle to record without any lookup. */
  series(namespace: string, metricName: string, dims?: Dimensions, opts?: { unit?: string; storageResolution?: number }): SeriesHandle {
    const s = this.resolve(namespace, metricName, dims);
    s.noteUnit(opts?.unit);
    return new SeriesHandle(s, opts?.storageResolution === 1, this.changes);
  }

  record(namespace: string, metricName: string, dims: Dimensions | undefined, value: number, opts?: RecordOptions): void {
    const s = this.resolve(namespace, metricName, dims);
    if (opts?.unit !== undefined) s.noteUnit(opts.unit);
    s.add(value, opts?.timestampMs ?? this.clock.now(), opts?.count ?? 1, opts?.storageResolution === 1);
    this.changes.dirty = true;
  }

  /** PutMetricData StatisticValues: pre-aggregated data, which answers no percentiles. */
  recordStatistics(
    namespace: string,
    metricName: string,
    dims: Dimensions | undefined,
    stats: { sampleCount: number; sum: number; min: number; max: number },
    opts?: Omit<RecordOptions, "count">,
  ): void {
    const s = this.resolve(namespace, metricName, dims);
    s.noteUnit(opts?.unit);
    const ts = opts?.timestampMs ?? this.clock.now();
    s.minuteBucket(ts).addStatistics(stats.sampleCount, stats.sum, stats.min, stats.max);
    if (opts?.storageResolution === 1) s.secondBucket(ts).addStatistics(stats.sampleCount, stats.sum, stats.min, stats.max);
    this.changes.dirty = true;
  }

  /** The series with exactly these dimensions, if any data was ever recorded for it. */
  find(namespace: string, metricName: string, dims: Dimensions | undefined): Series | undefined {
    return this.byKey.get(seriesKey(namespace, metricName, normaliseDimensions(dims)));
  }

  allSeries(): IterableIterator<Series> {
    return this.byKey.values();
  }

  markDirty(): void {
    this.changes.dirty = true;
  }

  /** Evaluates every alarm now (tests call this after moving the injected clock). */
  evaluateAlarms(): void {
    this.lastAlarmMinute = Math.floor(this.clock.now() / MINUTE_MS);
    if (this.alarms.size === 0) return;
    evaluateAllAlarms(this);
    this.changes.dirty = true;
  }

  /** Evaluates alarms once per clock minute: from the real timer and before DescribeAlarms answers. */
  evaluateAlarmsIfDue(): void {
    if (Math.floor(this.clock.now() / MINUTE_MS) !== this.lastAlarmMinute) this.evaluateAlarms();
  }

  // Emptied series stay registered (they are tiny) so handles the data plane holds never point at a dead series;
  // ListMetrics and the snapshot skip them.
  prune(): void {
    const now = this.clock.now();
    for (const s of this.byKey.values()) s.prune(now);
  }

  reset(): void {
    for (const s of this.byKey.values()) s.clear();
    this.alarms.clear();
    this.changes.dirty = true;
  }

  /** Writes the store if anything changed (temp file + rename, so a crash never leaves half a file). */
  async flush(): Promise<void> {
    if (this.writing) await this.writing;
    if (!this.changes.dirty) return;
    this.changes.dirty = false;
    this.prune();
    const text = JSON.stringify(this.snapshot());
    const tmp = `${this.file}.${process.pid}.tmp`;
    this.writing = writeFile(tmp, text).then(() => rename(tmp, this.file));
    try {
      await this.writing;
    } finally {
      this.writing = null;
    }
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers.length = 0;
    await this.flush();
  }

  private resolve(namespace: string, metricName: string, dims: Dimensions | undefined): Series {
    if (dims !== undefined && typeof dims === "object") {
      let byNs = this.byDimsObject.get(dims);
      if (byNs === undefined) {
        byNs = new Map();
        this.byDimsObject.set(dims, byNs);
      }
      let byName = byNs.get(namespace);
      if (byName === undefined) {
        byName = new Map();
        byNs.set(namespace, byName);
      }
      let s = byName.get(metricName);
      if (s === undefined) {
        s = this.resolveByKey(namespace, metricName, normaliseDimensions(dims));
        byName.set(metricName, s);
      }
      return s;
    }
    return this.resolveByKey(namespace, metricName, []);
  }

  private resolveByKey(namespace: string, metricName: string, dims: Dimension[]): Series {
    const key = seriesKey(namespace, metricName, dims);
    let s = this.byKey.get(key);
    if (s === undefined) {
      s = new Series(key, namespace, metricName, dims);
      this.byKey.set(key, s);
    }
    return s;
  }

  private snapshot(): unknown {
    const series: unknown[] = [];
    for (const s of this.byKey.values()) {
      if (s.minutes.size === 0) continue;
      const m: unknown[] = [];
      for (const [minute, b] of s.minutes) m.push([minute, ...b.toJSON()]);
      const sec: unknown[] = [];
      if (s.seconds) for (const [second, b] of s.seconds) sec.push([second, ...b.toJSON()]);
      series.push({
        ns: s.namespace,
        name: s.metricName,
        dims: s.dimensions.map((d) => [d.Name, d.Value]),
        units: [...s.units],
        m,
        ...(sec.length > 0 ? { s: sec } : {}),
      });
    }
    return { version: FORMAT_VERSION, series, alarms: [...this.alarms.values()] };
  }

  private load(): void {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.file, "utf8"));
    } catch {
      return; // No file yet, or an unreadable one: start empty rather than refuse to start.
    }
    if (!raw || typeof raw !== "object") return;
    const data = raw as { version?: number; series?: unknown[]; alarms?: StoredAlarm[] };
    if (data.version !== FORMAT_VERSION) return;
    for (const item of data.series ?? []) {
      const r = item as { ns: string; name: string; dims: [string, string][]; units?: string[]; m?: unknown[][]; s?: unknown[][] };
      const s = this.resolveByKey(r.ns, r.name, normaliseDimensions(r.dims.map(([Name, Value]) => ({ Name, Value }))));
      for (const u of r.units ?? []) s.noteUnit(u);
      for (const row of r.m ?? []) {
        const b = Bucket.fromJSON(row.slice(1));
        if (b) s.minutes.set(Number(row[0]), b);
        if (b) s.lastTimestampMs = Math.max(s.lastTimestampMs, Number(row[0]) * MINUTE_MS);
      }
      for (const row of r.s ?? []) {
        const b = Bucket.fromJSON(row.slice(1));
        if (b) (s.seconds ??= new Map()).set(Number(row[0]), b);
      }
    }
    for (const a of data.alarms ?? []) this.alarms.set(a.AlarmName, a);
    this.prune();
  }
}
