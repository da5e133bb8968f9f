/** Quota periods and forecasts over synced daily usage (UTC days as "YYYY-MM-DD"). Pure, so it is unit-tested. */
const DAY_MS = 86_400_000;
export type Period = { start: string; end: string };
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The quota period containing `today` (end exclusive), as API Gateway counts it. */
export function quotaPeriodOf(
  q: { period: "DAY" | "WEEK" | "MONTH"; offset: number },
  today: string,
): Period {
  const t = Date.parse(`${today}T00:00:00Z`);
  if (q.period === "DAY") return { start: today, end: day(t + DAY_MS) };
  if (q.period === "WEEK") {
    const back = (new Date(t).getUTCDay() - (q.offset % 7) + 7) % 7;
    return { start: day(t - back * DAY_MS), end: day(t + (7 - back) * DAY_MS) };
  }
  const d = new Date(t);
  const startDay = 1 + Math.min(Math.max(q.offset, 0), 27);
  const y = d.getUTCFullYear();
  let m = d.getUTCMonth();
  if (d.getUTCDate() < startDay) m -= 1;
  return { start: day(Date.UTC(y, m, startDay)), end: day(Date.UTC(y, m + 1, startDay)) };
}

export type Forecast =
  { kind: "exhausted" } | { kind: "runs-out"; day: string } | { kind: "lasts" } | { kind: "no-traffic" };

/**
 * When the remaining quota runs out at the recent rate (mean of the last `window` full days before today plus
 * today's count so far): "runs-out" on a day inside the period, "lasts" past the period's reset.
 */
export function forecast(
  used: number,
  limit: number,
  daily: Map<string, number>,
  today: string,
  periodEnd: string,
  window = 7,
): Forecast {
  if (used >= limit) return { kind: "exhausted" };
  const t = Date.parse(`${today}T00:00:00Z`);
  let sum = 0;
  for (let i = 1; i <= window; i++) sum += daily.get(day(t - i * DAY_MS)) ?? 0;
  const rate = sum / window;
  if (rate <= 0) return { kind: "no-traffic" };
  const daysLeft = (limit - used) / rate;
  const outMs = t + Math.floor(daysLeft) * DAY_MS;
  return outMs < Date.parse(`${periodEnd}T00:00:00Z`)
    ? { kind: "runs-out", day: day(outMs) }
    : { kind: "lasts" };
}

export function daysBack(today: string, n: number): string {
  return day(Date.parse(`${today}T00:00:00Z`) - (n - 1) * DAY_MS);
}

/** Every day from `from` to `to` inclusive (for charts with no gaps). */
export function dayRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS)
    out.push(day(t));
  return out;
}
