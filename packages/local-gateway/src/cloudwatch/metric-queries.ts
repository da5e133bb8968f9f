import type { WireMetricDataQuery } from "./alarm-types";
import { invalidValue, missingParameter, validationError } from "./errors";
import {
  evaluate,
  MathError,
  type MathNode,
  type MathSeries,
  parseExpression,
  references,
} from "./metric-math";
import type { MetricStore } from "./metric-store";
import { aggregate, parseStat, type SeriesPoints, type Stat, unitMatches } from "./query";
import { type Dimension, normaliseDimensions } from "./series";

const ID_PATTERN = /^[a-z][a-zA-Z0-9_]*$/;
const HIGH_RES_PERIODS = new Set([1, 5, 10, 20, 30]);
const THREE_HOURS_MS = 3 * 3600_000;
const DAY_MS = 86_400_000;

interface BaseQuery {
  id: string;
  label: string | undefined;
  returnData: boolean;
}
export interface StatQuery extends BaseQuery {
  kind: "stat";
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  period: number;
  statName: string;
  stat: Stat;
  unit: string | undefined;
}
export interface ExprQuery extends BaseQuery {
  kind: "expr";
  expression: string;
  node: MathNode;
  refs: Set<string>;
}
export type CompiledQuery = StatQuery | ExprQuery;

export interface QueryResult {
  id: string;
  label: string;
  returnData: boolean;
  timestamps: number[]; // ascending, ms
  values: number[];
}

/** Validates MetricDataQueries (the same shape in GetMetricData and PutMetricAlarm) in AWS's order. */
export function compileQueries(raw: unknown, field: string, startMs: number, nowMs: number): CompiledQuery[] {
  if (raw === undefined || raw === null) throw missingParameter(field);
  if (!Array.isArray(raw)) throw validationError(`The parameter ${field} must be a list.`);
  if (raw.length === 0) throw validationError(`The collection ${field} must contain at least 1 item.`);
  if (raw.length > 500)
    throw validationError(`The collection ${field} must not contain more than 500 items.`);
  const seen = new Set<string>();
  const out: CompiledQuery[] = [];
  raw.forEach((item: unknown, i) => {
    const q = (item ?? {}) as WireMetricDataQuery;
    const at = `${field}.member.${i + 1}`;
    if (typeof q.Id !== "string" || q.Id === "") throw missingParameter(`${at}.Id`);
    if (!ID_PATTERN.test(q.Id) || q.Id.length > 255) {
      throw validationError(
        `The value ${q.Id} for parameter ${at}.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.`,
      );
    }
    if (seen.has(q.Id)) throw validationError(`The values for parameter id in ${field} are not unique.`);
    seen.add(q.Id);
    const hasStat = q.MetricStat !== undefined && q.MetricStat !== null;
    const hasExpr = typeof q.Expression === "string" && q.Expression !== "";
    if (hasStat && hasExpr) {
      throw validationError(
        `The parameters ${at}.Expression and ${at}.MetricStat are mutually exclusive and you have specified both.`,
      );
    }
    if (!hasStat && !hasExpr)
      throw validationError(`Exactly one of ${at}.MetricStat and ${at}.Expression must be specified.`);
    const base = {
      id: q.Id,
      label: typeof q.Label === "string" ? q.Label : undefined,
      returnData: q.ReturnData !== false,
    };
    if (hasExpr) {
      let node: MathNode;
      try {
        node = parseExpression(q.Expression!);
      } catch (e) {
        throw invalidValue(`${at}.Expression: ${e instanceof MathError ? e.message : "invalid expression"}`);
      }
      out.push({ ...base, kind: "expr", expression: q.Expression!, node, refs: references(node) });
      return;
    }
    const ms = q.MetricStat!;
    const metric = ms.Metric;
    if (!metric) throw missingParameter(`${at}.MetricStat.Metric`);
    if (!metric.Namespace) throw missingParameter(`${at}.MetricStat.Metric.Namespace`);
    if (!metric.MetricName) throw missingParameter(`${at}.MetricStat.Metric.MetricName`);
    if (ms.Period === undefined || ms.Period === null) throw missingParameter(`${at}.MetricStat.Period`);
    if (!ms.Stat) throw missingParameter(`${at}.MetricStat.Stat`);
    const period = Number(ms.Period);
    if (
      !Number.isInteger(period) ||
      period < 1 ||
      (period < 60 ? !HIGH_RES_PERIODS.has(period) : period % 60 !== 0)
    ) {
      throw invalidValue(
        `The parameter ${at}.MetricStat.Period must be 1, 5, 10, 20, 30, 60, or any multiple of 60.`,
      );
    }
    if (period < 60 && startMs < nowMs - THREE_HOURS_MS) {
      throw invalidValue(
        `The parameter ${at}.MetricStat.Period must be a multiple of 60 for data older than 3 hours.`,
      );
    }
    const coarsest = startMs < nowMs - 63 * DAY_MS ? 3600 : startMs < nowMs - 15 * DAY_MS ? 300 : 0;
    if (coarsest > 0 && period % coarsest !== 0) {
      throw invalidValue(
        `The parameter ${at}.MetricStat.Period must be a multiple of ${coarsest} for a StartTime more than ${coarsest === 300 ? 15 : 63} days ago.`,
      );
    }
    const stat = parseStat(ms.Stat);
    if (stat === null)
      throw invalidValue(`The parameter ${at}.MetricStat.Stat must be a valid statistic: ${ms.Stat}.`);
    if (stat === "unsupported")
      throw invalidValue(`The statistic ${ms.Stat} is not supported by the Local Gateway.`);
    if ((metric.Dimensions?.length ?? 0) > 30) {
      throw validationError(
        `The collection ${at}.MetricStat.Metric.Dimensions must not contain more than 30 items.`,
      );
    }
    out.push({
      ...base,
      kind: "stat",
      namespace: metric.Namespace,
      metricName: metric.MetricName,
      dimensions: normaliseDimensions(metric.Dimensions ?? []),
      period,
      statName: ms.Stat,
      stat,
      unit: ms.Unit ?? undefined,
    });
  });
  checkReferences(out, field);
  return out;
}

function checkReferences(queries: CompiledQuery[], field: string): void {
  const byId = new Map(queries.map((q) => [q.id, q]));
  for (const q of queries) {
    if (q.kind !== "expr") continue;
    for (const ref of q.refs) {
      if (!byId.has(ref))
        throw validationError(`${field}: the expression ${q.id} references an unknown id ${ref}.`);
    }
  }
  const state = new Map<string, 1 | 2>();
  const visit = (q: CompiledQuery): void => {
    if (q.kind !== "expr" || state.get(q.id) === 2) return;
    if (state.get(q.id) === 1)
      throw validationError(`${field}: the expression ${q.id} references itself (circular dependency).`);
    state.set(q.id, 1);
    for (const ref of q.refs) visit(byId.get(ref)!);
    state.set(q.id, 2);
  };
  queries.forEach(visit);
}

/**
 * Rounds StartTime down as AWS does: to the period for high resolution, else to the minute, or to 5 minutes /
 * the hour for a StartTime more than 15 / 63 days ago.
 */
export function roundStart(startMs: number, period: number, nowMs: number): number {
  const seconds =
    period < 60 ? period : startMs < nowMs - 63 * DAY_MS ? 3600 : startMs < nowMs - 15 * DAY_MS ? 300 : 60;
  return Math.floor(startMs / (seconds * 1000)) * seconds * 1000;
}

/** Runs every query (expressions after what they reference); ascending timestamps. */
export function runQueries(
  store: MetricStore,
  queries: CompiledQuery[],
  startMs: number,
  endMs: number,
): QueryResult[] {
  const byId = new Map(queries.map((q) => [q.id, q]));
  const labels = defaultLabels(queries);
  const now = store.clock.now();
  // Stat results stay as arrays (the common, large case); maps are built only for what expressions reference.
  const arrays = new Map<string, SeriesPoints>();
  const maps = new Map<string, MathSeries>();

  const statPoints = (q: StatQuery): SeriesPoints => {
    let pts = arrays.get(q.id);
    if (pts === undefined) {
      const s = store.find(q.namespace, q.metricName, q.dimensions);
      pts =
        s && unitMatches(s, q.unit)
          ? aggregate(s, roundStart(startMs, q.period, now), endMs, q.period, q.stat)
          : EMPTY;
      arrays.set(q.id, pts);
    }
    return pts;
  };

  const asMath = (q: CompiledQuery): MathSeries => {
    const done = maps.get(q.id);
    if (done) return done;
    let out: MathSeries;
    if (q.kind === "stat") {
      const pts = statPoints(q);
      const points = new Map<number, number>();
      for (let i = 0; i < pts.timestamps.length; i++) points.set(pts.timestamps[i]!, pts.values[i]!);
      out = { points, periodMs: q.period * 1000, startMs: roundStart(startMs, q.period, now) };
    } else {
      const v = evaluate(q.node, { lookup: (id) => asMath(byId.get(id)!), endMs });
      // An expression of numbers only has no timestamps to attach its value to: no data, as in AWS.
      out = typeof v === "number" ? { points: new Map(), periodMs: 60_000, startMs } : v;
    }
    maps.set(q.id, out);
    return out;
  };

  return queries.map((q) => {
    const label = q.label ?? labels.get(q.id)!;
    if (q.kind === "stat") {
      const pts = statPoints(q);
      return { id: q.id, label, returnData: q.returnData, timestamps: pts.timestamps, values: pts.values };
    }
    const s = asMath(q);
    const timestamps = [...s.points.keys()].sort((a, b) => a - b);
    return {
      id: q.id,
      label,
      returnData: q.returnData,
      timestamps,
      values: timestamps.map((t) => s.points.get(t)!),
    };
  });
}

const EMPTY: SeriesPoints = { timestamps: [], values: [] };

// UNCONFIRMED in AWS; LocalStack style: the metric name, plus what tells same-named queries apart.
function defaultLabels(queries: CompiledQuery[]): Map<string, string> {
  const labels = new Map<string, string>();
  const byName = new Map<string, StatQuery[]>();
  for (const q of queries) {
    if (q.kind === "expr") labels.set(q.id, q.id);
    else byName.set(q.metricName, [...(byName.get(q.metricName) ?? []), q]);
  }
  for (const [name, group] of byName) {
    const first = group[0]!;
    const statsDiffer = group.some((q) => q.statName !== first.statName);
    const periodsDiffer = group.some((q) => q.period !== first.period);
    const dimsKey = (q: StatQuery) => q.dimensions.map((d) => d.Value).join(" ");
    const dimsDiffer = group.some((q) => dimsKey(q) !== dimsKey(first));
    for (const q of group) {
      const parts = [name];
      if (dimsDiffer && q.dimensions.length > 0) parts.push(dimsKey(q));
      if (statsDiffer) parts.push(q.statName);
      if (periodsDiffer) parts.push(String(q.period));
      labels.set(q.id, parts.join(" "));
    }
  }
  return labels;
}
