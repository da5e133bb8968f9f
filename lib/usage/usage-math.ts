/** Quota periods and forecasts over synced daily usage (UTC days as "YYYY-MM-DD"). Pure, so it is unit-tested. */
import { addUtcDays, addUtcMonths, startOfUtcDay, utcDayRange, utcWeekday } from "@/lib/dates";

export type Period = { start: string; end: string };

/** The quota period containing `today` (end exclusive), as API Gateway counts it. */
export function quotaPeriodOf(
  q: { period: "DAY" | "WEEK" | "MONTH"; offset: number },
  today: string,
): Period {
  if (q.period === "DAY") return { start: today, end: addUtcDays(today, 1) };
  if (q.period === "WEEK") {
    const back = (utcWeekday(today) - (q.offset % 7) + 7) % 7;
    return { start: addUtcDays(today, -back), end: addUtcDays(today, 7 - back) };
  }
  // The period starts on day 1 + offset (at most the 28th, so every month has it) of this month or the last.
  const startDay = String(1 + Math.min(Math.max(q.offset, 0), 27)).padStart(2, "0");
  const thisMonth = today.slice(0, 7);
  const month = today.slice(8) < startDay ? addUtcMonths(thisMonth, -1) : thisMonth;
  return { start: `${month}-${startDay}`, end: `${addUtcMonths(month, 1)}-${startDay}` };
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
  let sum = 0;
  for (let i = 1; i <= window; i++) sum += daily.get(addUtcDays(today, -i)) ?? 0;
  const rate = sum / window;
  if (rate <= 0) return { kind: "no-traffic" };
  const daysLeft = (limit - used) / rate;
  const out = addUtcDays(today, Math.floor(daysLeft));
  return startOfUtcDay(out) < startOfUtcDay(periodEnd) ? { kind: "runs-out", day: out } : { kind: "lasts" };
}

export function daysBack(today: string, n: number): string {
  return addUtcDays(today, -(n - 1));
}

/** Every day from `from` to `to` inclusive (for charts with no gaps). */
export function dayRange(from: string, to: string): string[] {
  return utcDayRange(from, to);
}
