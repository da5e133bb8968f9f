/**
 * UTC calendar arithmetic, the one place for it. API Gateway counts quotas and usage in UTC days, invoices are per
 * UTC month, so every day ("YYYY-MM-DD") and month ("YYYY-MM") in Tollgate is a UTC one, whatever the server's or
 * the browser's zone. Built on date-fns with the `@date-fns/utc` context, so DST and month lengths are date-fns's
 * problem, not ours. Pure; anyone may call it (server, client, scripts, tests).
 */
import { utc, UTCDate } from "@date-fns/utc";
import { addDays, addMilliseconds, addMonths, eachDayOfInterval, format, getDaysInMonth } from "date-fns";
import { millisecondsInDay, millisecondsInHour } from "date-fns/constants";

export { millisecondsInDay as DAY_MS, millisecondsInHour as HOUR_MS };

/** `n` days as milliseconds (for durations such as a grace period or a lookback window). */
export const days = (n: number): number => n * millisecondsInDay;

/** The UTC day of an instant, "YYYY-MM-DD". */
export const utcDay = (d: Date | number): string => format(d, "yyyy-MM-dd", { in: utc });

/** The UTC month of an instant, "YYYY-MM". */
export const utcMonth = (d: Date | number): string => format(d, "yyyy-MM", { in: utc });

/** Midnight UTC at the start of `day` ("YYYY-MM-DD"). */
export const startOfUtcDay = (day: string): UTCDate => new UTCDate(`${day}T00:00:00Z`);

/** Midnight UTC on the first of `month` ("YYYY-MM"). */
export const startOfUtcMonth = (month: string): UTCDate => new UTCDate(`${month}-01T00:00:00Z`);

/** `day` moved by `n` days (negative: back). */
export const addUtcDays = (day: string, n: number): string => utcDay(addDays(startOfUtcDay(day), n));

/** `month` moved by `n` months (negative: back). */
export const addUtcMonths = (month: string, n: number): string =>
  utcMonth(addMonths(startOfUtcMonth(month), n));

/** An instant moved by whole days (exact 24 h steps: instants in UTC have no DST). */
export const shiftDays = (d: Date, n: number): Date => addMilliseconds(d, n * millisecondsInDay);

/** Number of days in `month` ("YYYY-MM"). */
export const daysInUtcMonth = (month: string): number => getDaysInMonth(startOfUtcMonth(month));

/** Weekday of `day`, 0 = Sunday … 6 = Saturday. */
export const utcWeekday = (day: string): number => startOfUtcDay(day).getDay();

/** Every day from `from` to `to`, both included; empty when `to` is before `from`. */
export function utcDayRange(from: string, to: string): string[] {
  const start = startOfUtcDay(from);
  const end = startOfUtcDay(to);
  if (end < start) return [];
  return eachDayOfInterval({ start, end }, { in: utc }).map(utcDay);
}
