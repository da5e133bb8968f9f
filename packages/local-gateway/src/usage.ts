import type { GatewayState, QuotaSettings, UsagePlan } from "./state/types";

/**
 * Usage-plan quota periods and usage counters (UTC days). Counters live in state.usage per plan, key and day; a
 * per-process memo keeps "used in the current period" so the data plane's quota check is O(1) per request.
 *
 * Quota `offset` (UNCONFIRMED in AWS's docs, which give two meanings): we follow the older SDK docs, "the day the
 * period starts": WEEK offset 0 = Sunday … 6 = Saturday; MONTH offset 0 = the 1st … 27 = the 28th; DAY ignores it.
 */

const DAY_MS = 86_400_000;

export interface Period {
  /** Inclusive start, ms. */
  start: number;
  /** Exclusive end, ms. */
  end: number;
}

export function startOfUtcDay(ms: number): number {
  return ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS);
}

let cachedDayStart = Number.NaN;
let cachedDayKey = "";

/** "YYYY-MM-DD" of the UTC day containing `ms` (cached: the data plane asks for the same day over and over). */
export function dayKey(ms: number): string {
  const start = startOfUtcDay(ms);
  if (start === cachedDayStart) return cachedDayKey;
  const key = new Date(start).toISOString().slice(0, 10);
  cachedDayStart = start;
  cachedDayKey = key;
  return key;
}

/** Parses "YYYY-MM-DD" to the UTC midnight in ms, or undefined when malformed. */
export function parseDay(day: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === day ? ms : undefined;
}

export function quotaPeriod(quota: Pick<QuotaSettings, "period" | "offset">, now: number): Period {
  const day = startOfUtcDay(now);
  if (quota.period === "DAY") return { start: day, end: day + DAY_MS };
  if (quota.period === "WEEK") {
    const weekday = new Date(day).getUTCDay();
    const back = (weekday - (quota.offset % 7) + 7) % 7;
    const start = day - back * DAY_MS;
    return { start, end: start + 7 * DAY_MS };
  }
  const d = new Date(day);
  const startDay = 1 + Math.min(Math.max(quota.offset, 0), 27);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth();
  if (d.getUTCDate() < startDay) m -= 1;
  if (m < 0) {
    m = 11;
    y -= 1;
  }
  return { start: Date.UTC(y, m, startDay), end: Date.UTC(y, m + 1, startDay) };
}

interface Memo {
  start: number;
  end: number;
  used: number;
}

const memos = new WeakMap<GatewayState, Map<string, Memo>>();

function memoFor(state: GatewayState): Map<string, Memo> {
  let m = memos.get(state);
  if (!m) {
    m = new Map();
    memos.set(state, m);
  }
  return m;
}

function sumDays(days: Record<string, number> | undefined, start: number, endExclusive: number): number {
  if (!days) return 0;
  let total = 0;
  for (let t = start; t < endExclusive; t += DAY_MS) total += days[dayKey(t)] ?? 0;
  return total;
}

/** Counts one request for key `keyId` in plan `planId` at `now`. The caller then calls `store.changed()`. */
export function record(state: GatewayState, planId: string, keyId: string, now: number): void {
  const byKey = (state.usage[planId] ??= {});
  const days = (byKey[keyId] ??= {});
  const day = dayKey(now);
  days[day] = (days[day] ?? 0) + 1;
  const memo = memoFor(state).get(`${planId}\u0000${keyId}`);
  if (memo && now >= memo.start && now < memo.end) memo.used += 1;
}

/** Requests counted in the quota period containing `now` (a plan without quota counts by UTC day). */
export function usedInPeriod(state: GatewayState, plan: UsagePlan, keyId: string, now: number): number {
  const period = quotaPeriod(plan.quota ?? { period: "DAY", offset: 0 }, now);
  const key = `${plan.id}\u0000${keyId}`;
  const memos = memoFor(state);
  const memo = memos.get(key);
  if (memo && memo.start === period.start && memo.end === period.end) return memo.used;
  const used = sumDays(state.usage[plan.id]?.[keyId], period.start, period.end);
  memos.set(key, { ...period, used });
  return used;
}

/** Requests left in the current quota period; undefined when the plan has no quota. Never negative. */
export function remaining(
  state: GatewayState,
  plan: UsagePlan,
  keyId: string,
  now: number,
): number | undefined {
  if (!plan.quota) return undefined;
  const period = quotaPeriod(plan.quota, now);
  const adjust = state.usageAdjustments[plan.id]?.[keyId]?.[dayKey(period.start)] ?? 0;
  return Math.max(0, plan.quota.limit - usedInPeriod(state, plan, keyId, now) + adjust);
}

/** UpdateUsage `replace /remaining`: from now on the current period has `value` requests left. */
export function setRemaining(
  state: GatewayState,
  plan: UsagePlan,
  keyId: string,
  value: number,
  now: number,
): void {
  if (!plan.quota) return;
  const period = quotaPeriod(plan.quota, now);
  const adjust = value - (plan.quota.limit - usedInPeriod(state, plan, keyId, now));
  const byKey = (state.usageAdjustments[plan.id] ??= {});
  const byPeriod = (byKey[keyId] ??= {});
  byPeriod[dayKey(period.start)] = adjust;
}

/**
 * GetUsage rows for one key: one [used, remaining] pair per UTC day from `startMs` to `endMs` inclusive; remaining
 * is what was left in that day's quota period at the end of the day (0 when the plan has no quota).
 */
export function usageSeries(
  state: GatewayState,
  plan: UsagePlan,
  keyId: string,
  startMs: number,
  endMs: number,
): number[][] {
  const days = state.usage[plan.id]?.[keyId];
  const rows: number[][] = [];
  for (let t = startOfUtcDay(startMs); t <= endMs; t += DAY_MS) {
    const used = days?.[dayKey(t)] ?? 0;
    if (!plan.quota) {
      rows.push([used, 0]);
      continue;
    }
    const period = quotaPeriod(plan.quota, t);
    const soFar = sumDays(days, period.start, t + DAY_MS);
    const adjust = state.usageAdjustments[plan.id]?.[keyId]?.[dayKey(period.start)] ?? 0;
    rows.push([used, Math.max(0, plan.quota.limit - soFar + adjust)]);
  }
  return rows;
}
