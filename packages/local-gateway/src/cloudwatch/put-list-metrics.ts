import { GatewayError } from "../http";
import {
  decodeToken,
  encodeToken,
  invalidNextToken,
  invalidValue,
  missingParameter,
  parseTimestamp,
  requiredString,
  validationError,
} from "./errors";
import type { MetricStore } from "./metric-store";
import type { Dimension } from "./series";

const TWO_WEEKS_MS = 14 * 24 * 3600_000;
const TWO_HOURS_MS = 2 * 3600_000;
const MAX_MAGNITUDE = 2 ** 360;
const LIST_PAGE = 500;

const combination = (message: string) => new GatewayError(400, "InvalidParameterCombination", message);

function metricValue(raw: unknown, name: string): number {
  // The SDK sends non-finite doubles as the strings "NaN"/"Infinity"; AWS refuses them.
  const n = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw) : NaN;
  if (!Number.isFinite(n) || Math.abs(n) > MAX_MAGNITUDE || (n !== 0 && Math.abs(n) < 2 ** -260)) {
    throw invalidValue(`The value ${String(raw)} for parameter ${name} is invalid.`);
  }
  return n;
}

function dimensionsOf(raw: unknown, at: string): Dimension[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw validationError(`The parameter ${at} must be a list.`);
  if (raw.length > 30) throw invalidValue(`The collection ${at} must not contain more than 30 items.`);
  return raw.map((d: unknown, i) => {
    const dim = (d ?? {}) as { Name?: unknown; Value?: unknown };
    return {
      Name: requiredString(dim.Name, `${at}.member.${i + 1}.Name`),
      Value: requiredString(dim.Value, `${at}.member.${i + 1}.Value`),
    };
  });
}

type Sample =
  | { kind: "values"; values: number[]; counts: number[] }
  | { kind: "stats"; sampleCount: number; sum: number; min: number; max: number };

/** PutMetricData: everything is validated first so a refused request records nothing. */
export function putMetricData(store: MetricStore, body: Record<string, unknown>): unknown {
  const namespace = requiredString(body.Namespace, "Namespace");
  if (namespace.startsWith("AWS/"))
    throw invalidValue(`The value ${namespace} for parameter Namespace is invalid.`);
  const data = body.MetricData;
  if (data === undefined || data === null) throw missingParameter("MetricData");
  if (!Array.isArray(data) || data.length === 0)
    throw validationError("The collection MetricData must contain at least 1 item.");
  if (data.length > 1000)
    throw validationError("The collection MetricData must not contain more than 1000 items.");
  const now = store.clock.now();
  const prepared = data.map((item: unknown, i) => {
    const d = (item ?? {}) as Record<string, unknown>;
    const at = `MetricData.member.${i + 1}`;
    const metricName = requiredString(d.MetricName, `${at}.MetricName`);
    const dims = dimensionsOf(d.Dimensions, `${at}.Dimensions`);
    const ts =
      d.Timestamp === undefined || d.Timestamp === null
        ? now
        : parseTimestamp(d.Timestamp, `${at}.Timestamp`);
    if (ts < now - TWO_WEEKS_MS)
      throw invalidValue(
        `The parameter ${at}.Timestamp must specify a time no more than two weeks in the past.`,
      );
    if (ts > now + TWO_HOURS_MS)
      throw invalidValue(
        `The parameter ${at}.Timestamp must specify a time no more than two hours in the future.`,
      );
    const resolution =
      d.StorageResolution === undefined || d.StorageResolution === null ? 60 : Number(d.StorageResolution);
    if (resolution !== 1 && resolution !== 60)
      throw invalidValue(
        `The value ${String(d.StorageResolution)} for parameter ${at}.StorageResolution is invalid.`,
      );
    const unit = typeof d.Unit === "string" ? d.Unit : undefined;
    const has = (k: string) => d[k] !== undefined && d[k] !== null;
    const given = ["Value", "StatisticValues", "Values"].filter(has);
    if (given.length > 1) {
      throw combination(
        `The parameters ${at}.${given[0]} and ${at}.${given[1]} are mutually exclusive and you have specified both.`,
      );
    }
    if (has("Counts") && !has("Values"))
      throw combination(`The parameter ${at}.Counts requires ${at}.Values.`);
    let sample: Sample;
    if (has("StatisticValues")) {
      const s = d.StatisticValues as Record<string, unknown>;
      for (const k of ["SampleCount", "Sum", "Minimum", "Maximum"]) {
        if (s[k] === undefined || s[k] === null) throw missingParameter(`${at}.StatisticValues.${k}`);
      }
      sample = {
        kind: "stats",
        sampleCount: metricValue(s.SampleCount, `${at}.StatisticValues.SampleCount`),
        sum: metricValue(s.Sum, `${at}.StatisticValues.Sum`),
        min: metricValue(s.Minimum, `${at}.StatisticValues.Minimum`),
        max: metricValue(s.Maximum, `${at}.StatisticValues.Maximum`),
      };
      if (sample.sampleCount <= 0 || sample.min > sample.max) {
        throw invalidValue(
          `The parameter ${at}.StatisticValues is invalid: SampleCount must be positive and Minimum ≤ Maximum.`,
        );
      }
    } else if (has("Values")) {
      if (!Array.isArray(d.Values)) throw validationError(`The parameter ${at}.Values must be a list.`);
      if (d.Values.length > 150)
        throw invalidValue(`The collection ${at}.Values must not contain more than 150 items.`);
      const values = d.Values.map((v: unknown, j) => metricValue(v, `${at}.Values.member.${j + 1}`));
      let counts = values.map(() => 1);
      if (has("Counts")) {
        if (!Array.isArray(d.Counts) || d.Counts.length !== values.length) {
          throw invalidValue(`The parameters ${at}.Values and ${at}.Counts must be of the same size.`);
        }
        counts = d.Counts.map((c: unknown, j) => metricValue(c, `${at}.Counts.member.${j + 1}`));
      }
      sample = { kind: "values", values, counts };
    } else {
      if (!has("Value")) throw missingParameter(`${at}.Value`);
      sample = { kind: "values", values: [metricValue(d.Value, `${at}.Value`)], counts: [1] };
    }
    return { metricName, dims, ts, unit, resolution, sample };
  });

  for (const p of prepared) {
    const opts = { timestampMs: p.ts, unit: p.unit ?? "None", storageResolution: p.resolution };
    if (p.sample.kind === "stats") store.recordStatistics(namespace, p.metricName, p.dims, p.sample, opts);
    else {
      const { values, counts } = p.sample;
      for (let j = 0; j < values.length; j++) {
        if (counts[j]! > 0)
          store.record(namespace, p.metricName, p.dims, values[j]!, { ...opts, count: counts[j]! });
      }
    }
  }
  return {};
}

/** ListMetrics: exact matching; a metric with more dimensions than the filter still matches. */
export function listMetrics(store: MetricStore, body: Record<string, unknown>): unknown {
  const namespace = typeof body.Namespace === "string" ? body.Namespace : undefined;
  const metricName = typeof body.MetricName === "string" ? body.MetricName : undefined;
  const filters = Array.isArray(body.Dimensions)
    ? (body.Dimensions as Array<{ Name?: string; Value?: string }>)
    : [];
  if (filters.length > 10)
    throw invalidValue("The collection Dimensions must not contain more than 10 items.");
  for (const [i, f] of filters.entries())
    if (!f?.Name) throw missingParameter(`Dimensions.member.${i + 1}.Name`);
  if (body.RecentlyActive !== undefined && body.RecentlyActive !== "PT3H") {
    throw validationError(
      `1 validation error detected: Value '${String(body.RecentlyActive)}' at 'recentlyActive' failed to satisfy constraint: Member must satisfy enum value set: [PT3H]`,
    );
  }
  const now = store.clock.now();
  const activeSince = body.RecentlyActive === "PT3H" ? now - 3 * 3600_000 : now - TWO_WEEKS_MS;
  const matches = [];
  for (const s of store.allSeries()) {
    if (s.minutes.size === 0 || s.lastTimestampMs < activeSince) continue;
    if (namespace !== undefined && s.namespace !== namespace) continue;
    if (metricName !== undefined && s.metricName !== metricName) continue;
    const ok = filters.every((f) =>
      s.dimensions.some(
        (d) => d.Name === f.Name && (f.Value === undefined || f.Value === null || d.Value === f.Value),
      ),
    );
    if (ok) matches.push(s);
  }
  matches.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let offset = 0;
  if (body.NextToken !== undefined && body.NextToken !== null) {
    const t = decodeToken(body.NextToken);
    if (typeof t.o !== "number" || t.o < 0 || t.o > matches.length) throw invalidNextToken();
    offset = t.o;
  }
  const page = matches.slice(offset, offset + LIST_PAGE);
  const reply: Record<string, unknown> = {
    Metrics: page.map((s) => ({
      Namespace: s.namespace,
      MetricName: s.metricName,
      Dimensions: s.dimensions.map((d) => ({ ...d })),
    })),
  };
  if (offset + LIST_PAGE < matches.length) reply.NextToken = encodeToken({ o: offset + LIST_PAGE });
  return reply;
}
