import { addUtcMonths, utcMonth } from "@/lib/dates";

/** Calendar months as "YYYY-MM" strings (UTC), the unit of invoices and finance reports. Pure; anyone may call. */
export const currentMonth = (now: Date): string => utcMonth(now);

export const addMonths = (month: string, n: number): string => addUtcMonths(month, n);
