import type { StoredAlarm } from "./alarm-types";
import { MetricFiles } from "./metric-persist";
import {
  ChangeLog,
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
  /**
   * Evaluates every alarm against the store (the gateway passes alarms.ts's evaluateAllAlarms). Injected so the
   * store, which alarm evaluation reads, does not import it back; without it alarms keep their state.
   */
  evaluateAlarms?: (store: MetricStore) => void;
}

export interface RecordOptions {
  timestampMs?: number;
  unit?: string;
  /** How many samples of `value` this call stands for (PutMetricData Values+Counts). Default 1. */
  count?: number;
  /** 1 also keeps the sample at 1-second resolution (StorageResolution=1). */
  storageResolution?: number;
}

/**
 * All CloudWatch data of the emulated account: metric series and metric alarms. The data plane records through
 * `series()` handles (or `record()`); the CloudWatch handler queries it. Persisted under `<dataDir>/metrics/` (see metric-persist.ts).
 */
export class MetricStore {
  readonly clock: { now(): number };
  readonly alarms = new Map<string, StoredAlarm>();
  private readonly byKey = new Map<string, Series>();
  // Per dimension object (the data plane reuses its objects): namespace → metric name → series; no key building.
  private readonly byDimsObject = new WeakMap<object, Map<string, Map<string, Series>>>();
  private readonly files: MetricFiles;
  private readonly timers: NodeJS.Timeout[] = [];
  // Shared with handles so a sample added through one schedules a write of its day too.
  private readonly changes = new ChangeLog();
  private alarmsDirty = false;
  private writing: Promise<void> | null = null;
  private lastAlarmMinute = -1;
  private readonly evaluateAll: (store: MetricStore) => void;

  constructor(opts: MetricStoreOptions) {
    this.clock = opts.clock;
    this.evaluateAll = opts.evaluateAlarms ?? (() => {});
    this.files = new MetricFiles(opts.dataDir);
    this.files.load(
      (ns, name, dims) => this.resolveByKey(ns, name, normaliseDimensions(dims)),
      this.alarms,
      this.clock.now(),
    );
    this.prune();
    const flushEvery = opts.flushIntervalMs ?? 30_000;
    // Background work must never take the gateway down: a failed write is retried on the next tick.
    const flushInBackground = () =>
      this.flush().catch((e: unknown) => console.error("local-gateway: writing metrics failed", e));
    if (flushEvery > 0) this.timers.push(setInterval(flushInBackground, flushEvery).unref());
    const alarmEvery = opts.alarmIntervalMs ?? 60_000;
    const evaluateInBackground = () => {
      try {
        this.evaluateAlarmsIfDue();
      } catch (e) {
        console.error("local-gateway: evaluating alarms failed", e);
      }
    };
    if (alarmEvery > 0) this.timers.push(setInterval(evaluateInBackground, alarmEvery).unref());
  }

  /** Resolves (creating on first use) a series; keep the handle to record without any lookup. */
  series(
    namespace: string,
    metricName: string,
    dims?: Dimensions,
    opts?: { unit?: string; storageResolution?: number },
  ): SeriesHandle {
    const s = this.resolve(namespace, metricName, dims);
    s.noteUnit(opts?.unit);
    return new SeriesHandle(s, opts?.storageResolution === 1, this.changes);
  }

  record(
    namespace: string,
    metricName: string,
    dims: Dimensions | undefined,
    value: number,
    opts?: RecordOptions,
  ): void {
    const s = this.resolve(namespace, metricName, dims);
    if (opts?.unit !== undefined) s.noteUnit(opts.unit);
    const ts = opts?.timestampMs ?? this.clock.now();
    s.add(value, ts, opts?.count ?? 1, opts?.storageResolution === 1);
    this.changes.touch(ts);
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
    if (opts?.storageResolution === 1)
      s.secondBucket(ts).addStatistics(stats.sampleCount, stats.sum, stats.min, stats.max);
    this.changes.touch(ts);
  }

  /** The series with exactly these dimensions, if any data was ever recorded for it. */
  find(namespace: string, metricName: string, dims: Dimensions | undefined): Series | undefined {
    return this.byKey.get(seriesKey(namespace, metricName, normaliseDimensions(dims)));
  }

  allSeries(): IterableIterator<Series> {
    return this.byKey.values();
  }

  /** Alarm handlers call this after changing `alarms`, so the next flush writes them. */
  alarmsChanged(): void {
    this.alarmsDirty = true;
  }

  /** Evaluates every alarm now (tests call this after moving the injected clock). */
  evaluateAlarms(): void {
    this.lastAlarmMinute = Math.floor(this.clock.now() / MINUTE_MS);
    if (this.alarms.size === 0) return;
    this.evaluateAll(this);
    this.alarmsDirty = true;
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
    this.changes.take();
    this.files.removeAll();
    this.alarmsDirty = true;
  }

  /** Writes the days that received data since the last flush, and the alarms if they changed. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
    const span = this.changes.take();
    const alarms = this.alarmsDirty;
    if (!span && !alarms) return;
    this.alarmsDirty = false;
    this.prune();
    const now = this.clock.now();
    this.writing = (async () => {
      if (span) await this.files.saveDays(this.byKey.values(), span.fromMs, span.toMs, now);
      if (alarms) await this.files.saveAlarms(this.alarms.values());
    })();
    try {
      await this.writing;
    } catch (e) {
      // Keep what was not written marked as changed, so the next flush tries again.
      if (span) {
        this.changes.touch(span.fromMs);
        this.changes.touch(span.toMs);
      }
      if (alarms) this.alarmsDirty = true;
      throw e;
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
}
