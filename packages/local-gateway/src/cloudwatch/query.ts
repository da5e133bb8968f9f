import { Bucket, exactEnds } from "./bucket";
import { type Histogram, percentileOfMany } from "./histogram";
import { MINUTE_MS, type Series } from "./series";

export type Stat =
  { kind: "SampleCount" | "Sum" | "Average" | "Minimum" | "Maximum" } | { kind: "percentile"; p: number };

const SIMPLE = new Set(["SampleCount", "Sum", "Average", "Minimum", "Maximum"]);
const PERCENTILE = /^p(\d{1,2}(?:\.\d{1,10})?|100)$/;
// Trimmed means, IQM, winsorized means, PR, TC and TS are valid in AWS but not emulated.
const KNOWN_UNSUPPORTED = /^(tm|wm|tc|ts)\d|^(TM|WM|TC|TS|PR)\(|^IQM$/;

/** A parsed statistic; `unsupported` for AWS statistics the emulator does not compute, null for invalid ones. */
export function parseStat(raw: string): Stat | "unsupported" | null {
  if (SIMPLE.has(raw)) return { kind: raw as "Sum" };
  const m = PERCENTILE.exec(raw);
  if (m) return { kind: "percentile", p: Number(m[1]) };
  if (KNOWN_UNSUPPORTED.test(raw)) return "unsupported";
  return null;
}

export function statValue(b: Bucket, stat: Stat): number | undefined {
  if (b.n <= 0) return undefined;
  switch (stat.kind) {
    case "SampleCount":
      return b.n;
    case "Sum":
      return b.sum;
    case "Average":
      return b.sum / b.n;
    case "Minimum":
      return b.min;
    case "Maximum":
      return b.max;
    case "percentile":
      return b.percentile(stat.p);
  }
}

export function unitMatches(series: Series, unit: string | undefined): boolean {
  if (unit === undefined) return true;
  if (series.units.size === 0) return unit === "None";
  return series.units.has(unit);
}

export interface SeriesPoints {
  /** Ascending period start times (ms). */
  timestamps: number[];
  values: number[];
}

/**
 * One statistic of one series per period over [startMs, endMs). Periods start at startMs (already rounded by the
 * caller) and step by periodSec. Periods below 60 s read the 1-second slots when the series has them, otherwise the
 * minute slots (so standard-resolution data still answers, one point per minute).
 */
export function aggregate(
  series: Series,
  startMs: number,
  endMs: number,
  periodSec: number,
  stat: Stat,
): SeriesPoints {
  const periodMs = periodSec * 1000;
  const highRes = periodSec < 60 && series.seconds !== null;
  const source = highRes ? series.seconds! : series.minutes;
  const slotMs = highRes ? 1000 : MINUTE_MS;
  const firstSlot = Math.ceil(startMs / slotMs);
  const endSlot = Math.ceil(endMs / slotMs); // exclusive
  const needHist = stat.kind === "percentile";
  const timestamps: number[] = [];
  const values: number[] = [];
  const scanRange = source.size >= endSlot - firstSlot;

  if (periodMs === slotMs) {
    // One slot per period: no merging, points come out in slot order.
    const slots = scanRange
      ? undefined
      : [...source.keys()].filter((k) => k >= firstSlot && k < endSlot).sort((a, b) => a - b);
    const visit = (slot: number): void => {
      const b = source.get(slot);
      if (b === undefined) return;
      const v = statValue(b, stat);
      if (v === undefined) return;
      timestamps.push(slot * slotMs);
      values.push(v);
    };
    if (slots) for (const slot of slots) visit(slot);
    else for (let slot = firstSlot; slot < endSlot; slot++) visit(slot);
    return { timestamps, values };
  }

  // Per period: the merged simple statistics, plus the minutes' histograms when a percentile is asked for.
  const windows = new Map<number, { agg: Bucket; hists: Histogram[] | null }>();
  const take = (slot: number, b: Bucket): void => {
    const w = Math.floor((slot * slotMs - startMs) / periodMs);
    let acc = windows.get(w);
    if (acc === undefined) {
      acc = { agg: new Bucket(), hists: needHist ? [] : null };
      windows.set(w, acc);
    }
    acc.agg.mergeStatistics(b);
    if (acc.hists && b.hist) acc.hists.push(b.hist);
  };
  if (scanRange) {
    for (let slot = firstSlot; slot < endSlot; slot++) {
      const b = source.get(slot);
      if (b !== undefined) take(slot, b);
    }
  } else {
    for (const [slot, b] of source) if (slot >= firstSlot && slot < endSlot) take(slot, b);
  }
  const keys = [...windows.keys()].sort((a, b) => a - b);
  for (const w of keys) {
    const { agg, hists } = windows.get(w)!;
    let v: number | undefined;
    if (stat.kind !== "percentile") v = statValue(agg, stat);
    else if (hists && hists.length > 0 && agg.n > 0) {
      v = exactEnds(percentileOfMany(hists, stat.p), stat.p, agg.min, agg.max);
    }
    if (v === undefined) continue;
    timestamps.push(startMs + w * periodMs);
    values.push(v);
  }
  return { timestamps, values };
}
