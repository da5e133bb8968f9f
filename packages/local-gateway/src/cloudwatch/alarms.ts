import { GatewayError } from "../http";
import type { AlarmState, StoredAlarm, WireMetricDataQuery } from "./alarm-types";
import {
  decodeToken,
  encodeToken,
  invalidNextToken,
  invalidValue,
  limitExceeded,
  missingParameter,
  optionalNumber,
  requiredString,
  resourceNotFound,
  toEpochSeconds,
  validationError,
} from "./errors";
import { compileQueries, type CompiledQuery, runQueries } from "./metric-queries";
import type { MetricStore } from "./metric-store";
import { aggregate, parseStat, unitMatches } from "./query";
import { normaliseDimensions } from "./series";

const OPERATORS: Record<string, (v: number, t: number) => boolean> = {
  GreaterThanOrEqualToThreshold: (v, t) => v >= t,
  GreaterThanThreshold: (v, t) => v > t,
  LessThanThreshold: (v, t) => v < t,
  LessThanOrEqualToThreshold: (v, t) => v <= t,
};
const OPERATOR_WORDS: Record<string, string> = {
  GreaterThanOrEqualToThreshold: "greater than or equal to",
  GreaterThanThreshold: "greater than",
  LessThanThreshold: "less than",
  LessThanOrEqualToThreshold: "less than or equal to",
};
const TREAT_MISSING = new Set(["missing", "notBreaching", "breaching", "ignore"]);
const STATES = new Set(["OK", "ALARM", "INSUFFICIENT_DATA"]);
const MAX_ALARMS = 5000;

const combination = (message: string) => new GatewayError(400, "InvalidParameterCombination", message);
const strings = (raw: unknown): string[] =>
  Array.isArray(raw) ? raw.filter((x): x is string => typeof x === "string") : [];

export function putMetricAlarm(
  store: MetricStore,
  body: Record<string, unknown>,
  accountId: string,
  region: string,
): unknown {
  const name = requiredString(body.AlarmName, "AlarmName");
  if (name.length > 255)
    throw validationError("The parameter AlarmName must be at most 255 characters long.");
  const evaluationPeriods = optionalNumber(body.EvaluationPeriods, "EvaluationPeriods");
  if (evaluationPeriods === undefined) throw missingParameter("EvaluationPeriods");
  if (!Number.isInteger(evaluationPeriods) || evaluationPeriods < 1)
    throw invalidValue("The parameter EvaluationPeriods must be at least 1.");
  const operator = requiredString(body.ComparisonOperator, "ComparisonOperator");
  if (!OPERATORS[operator]) {
    throw invalidValue(
      `The ComparisonOperator ${operator} is not supported by the Local Gateway (static thresholds only).`,
    );
  }
  const threshold = optionalNumber(body.Threshold, "Threshold");
  if (threshold === undefined) throw missingParameter("Threshold");
  const datapoints = optionalNumber(body.DatapointsToAlarm, "DatapointsToAlarm");
  if (
    datapoints !== undefined &&
    (!Number.isInteger(datapoints) || datapoints < 1 || datapoints > evaluationPeriods)
  ) {
    throw validationError("DatapointsToAlarm must be between 1 and EvaluationPeriods.");
  }
  const treat = body.TreatMissingData;
  if (treat !== undefined && (typeof treat !== "string" || !TREAT_MISSING.has(treat))) {
    throw validationError(
      `The value ${String(treat)} for parameter TreatMissingData is invalid; use missing, notBreaching, breaching or ignore.`,
    );
  }

  const alarm: StoredAlarm = {
    AlarmName: name,
    AlarmArn: `arn:aws:cloudwatch:${region}:${accountId}:alarm:${name}`,
    AlarmDescription: typeof body.AlarmDescription === "string" ? body.AlarmDescription : undefined,
    ActionsEnabled: body.ActionsEnabled !== false,
    OKActions: strings(body.OKActions),
    AlarmActions: strings(body.AlarmActions),
    InsufficientDataActions: strings(body.InsufficientDataActions),
    StateValue: "INSUFFICIENT_DATA",
    StateReason: "Unchecked: Initial alarm creation",
    StateUpdatedMs: store.clock.now(),
    StateTransitionedMs: store.clock.now(),
    ConfigurationUpdatedMs: store.clock.now(),
    Dimensions: [],
    EvaluationPeriods: evaluationPeriods,
    DatapointsToAlarm: datapoints,
    Threshold: threshold,
    ComparisonOperator: operator,
    TreatMissingData: treat as string | undefined,
    EvaluateLowSampleCountPercentile:
      typeof body.EvaluateLowSampleCountPercentile === "string"
        ? body.EvaluateLowSampleCountPercentile
        : undefined,
    Tags: Array.isArray(body.Tags) ? (body.Tags as StoredAlarm["Tags"]) : undefined,
  };

  if (body.Metrics !== undefined && body.Metrics !== null) {
    if (body.MetricName !== undefined || body.Namespace !== undefined || body.Statistic !== undefined) {
      throw combination(
        "The parameters Metrics and MetricName/Namespace/Statistic are mutually exclusive and you have specified both.",
      );
    }
    const queries = compileQueries(body.Metrics, "Metrics", store.clock.now(), store.clock.now());
    if (queries.filter((q) => q.returnData).length !== 1) {
      throw validationError("Exactly one element of the Metrics list must have ReturnData set to true.");
    }
    if (!queries.some((q) => q.kind === "stat"))
      throw validationError("The Metrics list must contain at least one MetricStat.");
    alarm.Metrics = body.Metrics as WireMetricDataQuery[];
  } else {
    alarm.MetricName = requiredString(body.MetricName, "MetricName");
    alarm.Namespace = requiredString(body.Namespace, "Namespace");
    const period = optionalNumber(body.Period, "Period");
    if (period === undefined) throw missingParameter("Period");
    if (
      !Number.isInteger(period) ||
      !(period === 10 || period === 30 || (period >= 60 && period % 60 === 0))
    ) {
      throw invalidValue("The parameter Period must be 10, 30 or a multiple of 60.");
    }
    alarm.Period = period;
    const hasStat = typeof body.Statistic === "string";
    const hasExt = typeof body.ExtendedStatistic === "string";
    if (hasStat === hasExt)
      throw combination("Exactly one of the parameters Statistic and ExtendedStatistic must be specified.");
    const statName = (hasStat ? body.Statistic : body.ExtendedStatistic) as string;
    const stat = parseStat(statName);
    const valid = stat !== null && stat !== "unsupported" && (stat.kind === "percentile") === hasExt;
    if (!valid) {
      throw invalidValue(
        `The value ${statName} for parameter ${hasStat ? "Statistic" : "ExtendedStatistic"} is invalid.`,
      );
    }
    if (hasStat) alarm.Statistic = statName;
    else alarm.ExtendedStatistic = statName;
    alarm.Dimensions = normaliseDimensions((body.Dimensions as StoredAlarm["Dimensions"]) ?? []);
    alarm.Unit = typeof body.Unit === "string" ? body.Unit : undefined;
  }

  const existing = store.alarms.get(name);
  if (!existing && store.alarms.size >= MAX_ALARMS)
    throw limitExceeded(`The maximum number of alarms (${MAX_ALARMS}) has been reached.`);
  if (existing) {
    // AWS keeps an updated alarm's state; only the configuration is replaced.
    alarm.StateValue = existing.StateValue;
    alarm.StateReason = existing.StateReason;
    alarm.StateReasonData = existing.StateReasonData;
    alarm.StateUpdatedMs = existing.StateUpdatedMs;
    alarm.StateTransitionedMs = existing.StateTransitionedMs;
  }
  store.alarms.set(name, alarm);
  store.alarmsChanged();
  return {};
}

export function describeAlarms(store: MetricStore, body: Record<string, unknown>): unknown {
  const names = body.AlarmNames === undefined ? undefined : strings(body.AlarmNames);
  const prefix = typeof body.AlarmNamePrefix === "string" ? body.AlarmNamePrefix : undefined;
  if (names !== undefined && names.length > 0 && prefix !== undefined) {
    throw combination(
      "The parameters AlarmNames and AlarmNamePrefix are mutually exclusive and you have specified both.",
    );
  }
  if (names && names.length > 100)
    throw validationError("The collection AlarmNames must not contain more than 100 items.");
  const state = body.StateValue;
  if (state !== undefined && (typeof state !== "string" || !STATES.has(state))) {
    throw validationError(
      `1 validation error detected: Value '${String(state)}' at 'stateValue' failed to satisfy constraint: Member must satisfy enum value set: [OK, ALARM, INSUFFICIENT_DATA]`,
    );
  }
  const maxRecords = optionalNumber(body.MaxRecords, "MaxRecords") ?? 50;
  if (!Number.isInteger(maxRecords) || maxRecords < 1 || maxRecords > 100)
    throw invalidValue("The parameter MaxRecords must be between 1 and 100.");
  const types = body.AlarmTypes === undefined ? undefined : strings(body.AlarmTypes);
  const actionPrefix = typeof body.ActionPrefix === "string" ? body.ActionPrefix : undefined;

  store.evaluateAlarmsIfDue();
  let list = [...store.alarms.values()].filter(
    (a) =>
      (!names || names.length === 0 || names.includes(a.AlarmName)) &&
      (prefix === undefined || a.AlarmName.startsWith(prefix)) &&
      (state === undefined || a.StateValue === state) &&
      (actionPrefix === undefined ||
        [...a.AlarmActions, ...a.OKActions, ...a.InsufficientDataActions].some((x) =>
          x.startsWith(actionPrefix),
        )),
  );
  if (types && types.length > 0 && !types.includes("MetricAlarm")) list = [];
  list.sort((a, b) => (a.AlarmName < b.AlarmName ? -1 : a.AlarmName > b.AlarmName ? 1 : 0));
  let offset = 0;
  if (body.NextToken !== undefined && body.NextToken !== null) {
    const t = decodeToken(body.NextToken);
    if (typeof t.a !== "number" || t.a < 0 || t.a > list.length) throw invalidNextToken();
    offset = t.a;
  }
  const reply: Record<string, unknown> = {
    MetricAlarms: list.slice(offset, offset + maxRecords).map(toWire),
    CompositeAlarms: [],
  };
  if (offset + maxRecords < list.length) reply.NextToken = encodeToken({ a: offset + maxRecords });
  return reply;
}

export function deleteAlarms(store: MetricStore, body: Record<string, unknown>): unknown {
  if (body.AlarmNames === undefined || body.AlarmNames === null) throw missingParameter("AlarmNames");
  const names = strings(body.AlarmNames);
  if (names.length > 100)
    throw validationError("The collection AlarmNames must not contain more than 100 items.");
  const missing = names.filter((n) => !store.alarms.has(n));
  if (missing.length > 0)
    throw resourceNotFound(`${missing.length} alarm(s) not found: ${missing.join(", ")}`);
  for (const n of names) store.alarms.delete(n);
  store.alarmsChanged();
  return {};
}

function toWire(a: StoredAlarm): Record<string, unknown> {
  const { StateUpdatedMs, StateTransitionedMs, ConfigurationUpdatedMs, Tags: _tags, ...rest } = a;
  return {
    ...rest,
    AlarmConfigurationUpdatedTimestamp: toEpochSeconds(ConfigurationUpdatedMs),
    StateUpdatedTimestamp: toEpochSeconds(StateUpdatedMs),
    StateTransitionedTimestamp: toEpochSeconds(StateTransitionedMs),
  };
}

/** The datapoints (oldest first, undefined = missing) of the alarm's last EvaluationPeriods complete periods. */
function evaluationWindow(
  store: MetricStore,
  a: StoredAlarm,
  nowMs: number,
): { points: Array<number | undefined>; periodMs: number; startMs: number } {
  let period = a.Period ?? 60;
  let queries: CompiledQuery[] | undefined;
  if (a.Metrics) {
    queries = compileQueries(a.Metrics, "Metrics", nowMs, nowMs);
    period = queries.find((q) => q.kind === "stat")?.period ?? 60;
  }
  const periodMs = period * 1000;
  const endMs = Math.floor(nowMs / periodMs) * periodMs;
  const startMs = endMs - a.EvaluationPeriods * periodMs;
  const byTime = new Map<number, number>();
  if (queries) {
    const r = runQueries(store, queries, startMs, endMs).find((x) => x.returnData);
    r?.timestamps.forEach((t, i) => byTime.set(t, r.values[i]!));
  } else {
    const series = store.find(a.Namespace!, a.MetricName!, a.Dimensions);
    const stat = parseStat(a.Statistic ?? a.ExtendedStatistic ?? "");
    if (series && stat && stat !== "unsupported" && unitMatches(series, a.Unit)) {
      const pts = aggregate(series, startMs, endMs, period, stat);
      pts.timestamps.forEach((t, i) => byTime.set(t, pts.values[i]!));
    }
  }
  const points: Array<number | undefined> = [];
  for (let k = 0; k < a.EvaluationPeriods; k++) points.push(byTime.get(startMs + k * periodMs));
  return { points, periodMs, startMs };
}

export function evaluateAllAlarms(store: MetricStore): void {
  const now = store.clock.now();
  for (const a of store.alarms.values()) {
    const { points, startMs, periodMs } = evaluationWindow(store, a, now);
    const breaches = OPERATORS[a.ComparisonOperator]!;
    const treat = a.TreatMissingData ?? "missing";
    const needed = a.DatapointsToAlarm ?? a.EvaluationPeriods;
    let breaching = 0;
    let present = 0;
    for (const v of points) {
      if (v === undefined) {
        if (treat === "breaching") breaching++;
        if (treat === "breaching" || treat === "notBreaching") present++;
        continue;
      }
      present++;
      if (breaches(v, a.Threshold)) breaching++;
    }
    let next: AlarmState;
    if (present === 0) {
      if (treat === "ignore") continue;
      next = "INSUFFICIENT_DATA";
    } else next = breaching >= needed ? "ALARM" : "OK";
    if (next === a.StateValue) continue;
    const shown = points
      .map((v, k) =>
        v === undefined ? undefined : `${v} (${new Date(startMs + k * periodMs).toISOString()})`,
      )
      .filter((x) => x !== undefined);
    const words = OPERATOR_WORDS[a.ComparisonOperator];
    a.StateReason =
      next === "INSUFFICIENT_DATA"
        ? `Insufficient Data: ${points.length} datapoint${points.length === 1 ? " was" : "s were"} unknown.`
        : `Threshold Crossed: ${breaching} out of the last ${points.length} datapoints [${shown.join(", ")}] ${next === "ALARM" ? "were" : "were not"} ${words} the threshold (${a.Threshold}) (minimum ${needed} datapoint${needed === 1 ? "" : "s"} for ${next === "ALARM" ? "OK -> ALARM" : "ALARM -> OK"} transition).`;
    a.StateReasonData = JSON.stringify({
      version: "1.0",
      queryDate: new Date(now).toISOString(),
      startDate: new Date(startMs).toISOString(),
      period: periodMs / 1000,
      recentDatapoints: points.filter((v) => v !== undefined),
      threshold: a.Threshold,
    });
    a.StateValue = next;
    a.StateUpdatedMs = now;
    a.StateTransitionedMs = now;
  }
}
