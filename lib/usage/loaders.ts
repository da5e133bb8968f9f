import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { dayOf, now } from "@/lib/clock";
import { listMyKeys } from "@/lib/db/api-keys";
import { myPlans } from "@/lib/db/subscriptions";
import { myUsage, readSyncState, tenantUsage, type TenantUsage } from "@/lib/db/usage";
import { invalid } from "@/lib/errors";
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

/**
 * One tenant's requests per UTC day between two days inclusive (the automation API): a partner's own tenant
 * (`partner.view`), or any tenant for staff with `finance.view`. At most 366 days; the database only.
 */
export async function loadTenantUsage(
  actor: Actor,
  tenantId: string,
  from: string,
  to: string,
): Promise<TenantUsage> {
  if (from > to) throw invalid("The first day comes after the last day.", "from");
  if (dayRange(from, to).length > 366) throw invalid("Ask for at most 366 days at a time.", "to");
  return actor.kind === "partner" && actor.tenantId === tenantId
    ? myUsage(actor, from, to)
    : tenantUsage(actor, tenantId, from, to);
}
