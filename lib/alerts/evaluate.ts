import "server-only";
import { now, dayOf } from "@/lib/clock";
import { liveKeysOfTenant } from "@/lib/db/api-keys";
import {
  alertRecipients,
  claimDelivery,
  keysInGrace,
  usageByKey,
  type AlertRecipient,
} from "@/lib/db/alerts";
import { activePlanIds, planSnapshots } from "@/lib/db/subscriptions";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { quotaPeriodOf } from "@/lib/usage/usage-math";
import { quotaThreshold, rotationWarning } from "./kinds";
import { sendAlert } from "./send";

const PERIOD_WORDS = { DAY: "daily", WEEK: "weekly", MONTH: "monthly" } as const;

function byTenant(users: AlertRecipient[]): Map<string, AlertRecipient[]> {
  const out = new Map<string, AlertRecipient[]>();
  for (const u of users) out.set(u.tenantId, [...(out.get(u.tenantId) ?? []), u]);
  return out;
}

/**
 * Quota alerts from the synced daily usage (no AWS call): for each key of a tenant with opted-in users, on each of
 * its plans with a quota, the highest threshold reached in the current period. The event is (plan, key, period,
 * threshold), so each is mailed once per period; reaching 100 % first also settles the 80 % event.
 */
async function quotaAlerts(at: Date): Promise<number> {
  const today = dayOf(at);
  let sent = 0;
  for (const [tenantId, users] of byTenant(await alertRecipients("quota"))) {
    const keys = (await liveKeysOfTenant(tenantId)).filter((k) => k.status === "ACTIVE");
    if (keys.length === 0) continue;
    for (const plan of await planSnapshots(await activePlanIds(tenantId))) {
      if (!plan.quota) continue;
      const period = quotaPeriodOf(plan.quota, today);
      const used = await usageByKey(
        plan.id,
        keys.map((k) => k.id),
        period.start,
        period.end,
      );
      for (const k of keys) {
        const n = used.get(k.id) ?? 0;
        const hit = quotaThreshold(n, plan.quota.limit);
        if (!hit) continue;
        const event = (t: number) => `${plan.id}:${k.id}:${period.start}:${t}`;
        const words = PERIOD_WORDS[plan.quota.period];
        for (const u of users) {
          if (hit === 100) await claimDelivery(u.id, "quota", event(80));
          const subject =
            hit === 100
              ? `Key "${k.label}" has used its whole ${words} quota`
              : `Key "${k.label}" has used ${hit} % of its ${words} quota`;
          const text = `Your API key "${k.label}" has made ${n.toLocaleString("en")} of the ${plan.quota.limit.toLocaleString("en")} requests its ${words} quota on the usage plan "${plan.name}" allows (${Math.floor((n * 100) / plan.quota.limit)} %).${hit === 100 ? " API Gateway now answers its calls with 429 Limit Exceeded" : ""} The quota starts again on ${period.end} (UTC).\n\nUsage per key: ${env.APP_URL}/partner/usage\nAsk for a bigger plan: ${env.APP_URL}/partner/plan\n`;
          if (await sendAlert(u, "quota", event(hit), { subject, text })) sent++;
        }
      }
    }
  }
  return sent;
}

/**
 * Rotation alerts: a rotated-out key's old value keeps working until its grace window ends; 24 h and 1 h before,
 * the tenant's opted-in users are told. The event is (key, end of the window, warning), so each goes out once.
 */
async function rotationAlerts(at: Date): Promise<number> {
  const keys = await keysInGrace(at);
  if (keys.length === 0) return 0;
  const users = byTenant(await alertRecipients("rotation", [...new Set(keys.map((k) => k.tenantId))]));
  let sent = 0;
  for (const k of keys) {
    const until = k.graceUntil!;
    const due = rotationWarning(until.getTime() - at.getTime());
    if (!due) continue;
    for (const u of users.get(k.tenantId) ?? []) {
      const subject = `The old value of key "${k.label}" stops working in ${due === 24 ? "24 hours" : "1 hour"}`;
      const text = `You rotated the API key "${k.label}". Its old value keeps working until ${formatDateTime(until)}; after that API Gateway refuses it with 403 Forbidden. Switch everything still using it to the new value before then.\n\nYour keys: ${env.APP_URL}/partner\n`;
      if (await sendAlert(u, "rotation", `${k.id}:${until.toISOString()}:${due}h`, { subject, text })) sent++;
    }
  }
  return sent;
}

/** The partner-alerts job (lib/jobs/scheduler.ts, under its lease): quota and rotation alerts due now. */
export async function runPartnerAlerts(at: Date = now()): Promise<{ quota: number; rotation: number }> {
  return { quota: await quotaAlerts(at), rotation: await rotationAlerts(at) };
}
