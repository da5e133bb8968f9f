/** Shapes the month × tenant usage rows into what the reports page and its CSV show. Pure, tested. */
export type TenantUsage = {
  tenantId: string | null;
  tenantName: string;
  byMonth: Record<string, number>;
  total: number;
  /** Last month of the range vs the one before, whole percent; null when the earlier month had no usage. */
  growth: number | null;
};

export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  for (let i = 0; i < 240; i++) {
    const s = `${y}-${String(m).padStart(2, "0")}`;
    if (s > to) break;
    out.push(s);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

export function growthPercent(prev: number, cur: number): number | null {
  if (prev === 0) return null;
  return Math.round(((cur - prev) * 100) / prev);
}

export function tenantUsage(
  rows: { month: string; tenantId: string | null; requests: number }[],
  months: string[],
  nameOf: (id: string | null) => string,
): TenantUsage[] {
  const by = new Map<string | null, TenantUsage>();
  for (const r of rows) {
    const t = by.get(r.tenantId) ?? {
      tenantId: r.tenantId,
      tenantName: nameOf(r.tenantId),
      byMonth: {},
      total: 0,
      growth: null,
    };
    t.byMonth[r.month] = (t.byMonth[r.month] ?? 0) + r.requests;
    t.total += r.requests;
    by.set(r.tenantId, t);
  }
  const last = months.at(-1);
  const prev = months.at(-2);
  for (const t of by.values())
    t.growth = last && prev ? growthPercent(t.byMonth[prev] ?? 0, t.byMonth[last] ?? 0) : null;
  return [...by.values()].sort((a, b) => b.total - a.total || a.tenantName.localeCompare(b.tenantName));
}

export function monthTotals(rows: { month: string; requests: number }[], months: string[]) {
  const sums = new Map(months.map((m) => [m, 0]));
  for (const r of rows) if (sums.has(r.month)) sums.set(r.month, sums.get(r.month)! + r.requests);
  return months.map((m) => ({ period: m, requests: sums.get(m) ?? 0 }));
}

/**
 * The headline month-over-month change, like with like: when the last month of the range is still under way, its
 * first `days` days are compared with the same days of the month before (never a 2-day month with a 31-day one).
 */
export type MonthOverMonth = {
  /** Whole percent, or null when the earlier period had no requests. */
  percent: number | null;
  /** What was compared, e.g. "2026-12 vs 2026-11" or "Dec 1–2 vs Nov 1–2 (2026-12 so far)". */
  compared: string;
  partial: boolean;
};

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const monthName = (m: string) => MONTH_NAMES[Number(m.slice(5, 7)) - 1] ?? m;

export function monthOverMonth(input: {
  month: string;
  previous: string;
  /** The last month's and the previous month's totals. */
  totals: { month: number; previous: number };
  /** When `month` is the current month: today's UTC date ("YYYY-MM-DD") and both months' daily requests. */
  partial?: {
    today: string;
    monthDays: readonly { day: string; requests: number }[];
    previousDays: readonly { day: string; requests: number }[];
  };
}): MonthOverMonth {
  const { month, previous, totals, partial } = input;
  if (!partial || !partial.today.startsWith(month))
    return {
      percent: growthPercent(totals.previous, totals.month),
      compared: `${month} vs ${previous}`,
      partial: false,
    };
  const through = Number(partial.today.slice(8, 10));
  const upTo = (rows: readonly { day: string; requests: number }[]) =>
    rows.filter((r) => Number(r.day.slice(8, 10)) <= through).reduce((s, r) => s + r.requests, 0);
  const span = through === 1 ? "1" : `1–${through}`;
  return {
    percent: growthPercent(upTo(partial.previousDays), upTo(partial.monthDays)),
    compared: `${monthName(month)} ${span} vs ${monthName(previous)} ${span} (${month} so far)`,
    partial: true,
  };
}
