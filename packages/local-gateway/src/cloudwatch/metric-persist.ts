// On-disk form of the metric store: <dataDir>/metrics/<YYYY-MM-DD>.json holds every series' slots of that UTC day,
// <dataDir>/metrics/alarms.json the alarms. A flush rewrites only the days that received data since the last one
// (normally today), so a store holding 15 days of traffic does not serialise all of it every 30 seconds.
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { StoredAlarm } from "./alarm-types";
import { Bucket } from "./bucket";
import { type Dimension, MINUTE_MS, RETENTION_MS, type Series } from "./series";

const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 1440;
const FORMAT_VERSION = 1;
const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;

interface SeriesRow {
  ns: string;
  name: string;
  dims: [string, string][];
  units: string[];
  m: unknown[][];
  s?: unknown[][];
}

const dayName = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, file);
}

export class MetricFiles {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, "metrics");
    mkdirSync(this.dir, { recursive: true });
  }

  /** Reads every day file still inside the retention window (deleting older ones) and the alarms. */
  load(
    resolve: (namespace: string, metricName: string, dims: Dimension[]) => Series,
    alarms: Map<string, StoredAlarm>,
    nowMs: number,
  ): void {
    const oldestDay = Math.floor((nowMs - RETENTION_MS) / DAY_MS);
    for (const file of readdirSync(this.dir)) {
      const m = DAY_FILE.exec(file);
      if (!m) continue;
      if (Math.floor(Date.parse(m[1]!) / DAY_MS) < oldestDay) {
        rmSync(join(this.dir, file), { force: true });
        continue;
      }
      const data = readJson(join(this.dir, file)) as { version?: number; series?: SeriesRow[] } | undefined;
      if (data?.version !== FORMAT_VERSION) continue;
      for (const r of data.series ?? []) {
        const s = resolve(
          r.ns,
          r.name,
          r.dims.map(([Name, Value]) => ({ Name, Value })),
        );
        for (const u of r.units ?? []) s.noteUnit(u);
        for (const row of r.m ?? []) {
          const b = Bucket.fromJSON(row.slice(1));
          if (!b) continue;
          s.minutes.set(Number(row[0]), b);
          s.lastTimestampMs = Math.max(s.lastTimestampMs, Number(row[0]) * MINUTE_MS);
        }
        for (const row of r.s ?? []) {
          const b = Bucket.fromJSON(row.slice(1));
          if (b) (s.seconds ??= new Map()).set(Number(row[0]), b);
        }
      }
    }
    const saved = readJson(join(this.dir, "alarms.json")) as { alarms?: StoredAlarm[] } | undefined;
    for (const a of saved?.alarms ?? []) alarms.set(a.AlarmName, a);
  }

  /** Rewrites the day files of [fromMs, toMs] and drops day files past retention. */
  async saveDays(series: Iterable<Series>, fromMs: number, toMs: number, nowMs: number): Promise<void> {
    const all = [...series];
    for (let day = Math.floor(fromMs / DAY_MS); day <= Math.floor(toMs / DAY_MS); day++) {
      const rows: SeriesRow[] = [];
      const firstMinute = day * MINUTES_PER_DAY;
      const firstSecond = firstMinute * 60;
      for (const s of all) {
        const m: unknown[][] = [];
        for (let minute = firstMinute; minute < firstMinute + MINUTES_PER_DAY; minute++) {
          const b = s.minutes.get(minute);
          if (b) m.push([minute, ...b.toJSON()]);
        }
        if (m.length === 0) continue;
        const sec: unknown[][] = [];
        if (s.seconds) {
          for (const [second, b] of s.seconds) {
            if (second >= firstSecond && second < firstSecond + 86_400) sec.push([second, ...b.toJSON()]);
          }
        }
        rows.push({
          ns: s.namespace,
          name: s.metricName,
          dims: s.dimensions.map((d) => [d.Name, d.Value]),
          units: [...s.units],
          m,
          ...(sec.length > 0 ? { s: sec } : {}),
        });
      }
      const file = join(this.dir, `${dayName(day)}.json`);
      if (rows.length === 0) rmSync(file, { force: true });
      else await writeAtomic(file, JSON.stringify({ version: FORMAT_VERSION, series: rows }));
    }
    const oldestDay = Math.floor((nowMs - RETENTION_MS) / DAY_MS);
    for (const file of readdirSync(this.dir)) {
      const m = DAY_FILE.exec(file);
      if (m && Math.floor(Date.parse(m[1]!) / DAY_MS) < oldestDay)
        rmSync(join(this.dir, file), { force: true });
    }
  }

  async saveAlarms(alarms: Iterable<StoredAlarm>): Promise<void> {
    await writeAtomic(
      join(this.dir, "alarms.json"),
      JSON.stringify({ version: FORMAT_VERSION, alarms: [...alarms] }),
    );
  }

  /** Every day file, for reset(). */
  removeAll(): void {
    for (const file of readdirSync(this.dir))
      if (DAY_FILE.test(file)) rmSync(join(this.dir, file), { force: true });
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined; // missing or unreadable: start without it rather than refuse to start
  }
}
