import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { dayOf, now } from "@/lib/clock";
import { listMyKeys } from "@/lib/db/api-keys";
import { myPlans } from "@/lib/db/subscriptions";
import { myUsage, readSyncState } from "@/lib/db/usage";
import { dayRange, daysBack, forecast, quotaPeriodOf } from "@/lib/usage/usage-math";

/**
 * Everything the partner usage page shows, from the database only (no AWS call): 90 days per key and in total,
 * quota used/remaining per key and plan for the current period, and the forecast. The bench times this function.
 */
export async function loadUsageView(actor: Actor) {
  const today = dayOf(now());
  const from = daysBack(today, 90);
  const [usage, plans, keys, sync] = await Promise.all([
    myUsage(actor, from, today),
    myPlans(actor),
    listMyKeys(actor),
    readSyncState(actor),
  ]);
  const label = new Map(keys.map((k) => [k.id, k.label]));
  const keyIds = usage.perKey.map((k) => k.apiKeyId);
  const perKeyDay = new Map(
    usage.perKey.map((k) => [k.apiKeyId, new Map(k.days.map((d) => [d.day, d.requests]))]),
  );
  const chart = dayRange(from, today).map((d) => ({
    day: d,
    ...Object.fromEntries(keyIds.map((id) => [id, perKeyDay.get(id)?.get(d) ?? 0])),
  }));
  const total90 = usage.days.reduce((a, d) => a + d.requests, 0);
  const byPlanKey = new Map<string, Map<string, number>>();
  for (const r of usage.perPlanKeyDay) {
    const k = `${r.usagePlanId}|${r.apiKeyId}`;
    const m = byPlanKey.get(k) ?? new Map<string, number>();
    m.set(r.day, r.requests);
    byPlanKey.set(k, m);
  }
  // Quota is counted per key and plan in API Gateway: one row per (plan with a quota, key).
  const quotaRows = plans.flatMap((p) => {
    const quota = p.quota;
    if (!quota) return [];
    const period = quotaPeriodOf(quota, today);
    return keys.map((k) => {
      const daily = byPlanKey.get(`${p.id}|${k.id}`) ?? new Map<string, number>();
      const used = [...daily.entries()]
        .filter(([d]) => d >= period.start && d < period.end)
        .reduce((a, [, n]) => a + n, 0);
      return {
        plan: p,
        key: k,
        used,
        limit: quota.limit,
        period,
        f: forecast(used, quota.limit, daily, today, period.end),
      };
    });
  });
  const worst = quotaRows.reduce((m, r) => Math.max(m, r.used / r.limit), 0);
  return { today, usage, plans, sync, label, keyIds, chart, total90, quotaRows, worst };
}

/** The last usage sync's state, for the operators' sync panel (lib/db/usage.ts). */
export { getSyncState as loadSyncState } from "@/lib/db/usage";
