/** Calendar months as "YYYY-MM" strings (UTC), the unit of invoices and finance reports. Pure; anyone may call. */
export const currentMonth = (now: Date) => now.toISOString().slice(0, 7);

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}
