/** Plain-words descriptions of usage-plan limits (shared by operator and partner pages). */
export type LimitsLike = {
  rateLimit: number | null;
  burstLimit: number | null;
  quota: { limit: number; period: "DAY" | "WEEK" | "MONTH" } | null;
};

const PERIOD = { DAY: "a day", WEEK: "a week", MONTH: "a month" } as const;

export function throttleWords(p: LimitsLike): string {
  if (p.rateLimit === null) return "No rate limit";
  return `${p.rateLimit.toLocaleString("en")} requests a second on average, bursts of up to ${(p.burstLimit ?? 0).toLocaleString("en")} at once`;
}

export function quotaWords(p: LimitsLike): string {
  return p.quota ? `${p.quota.limit.toLocaleString("en")} requests ${PERIOD[p.quota.period]}` : "No quota";
}
