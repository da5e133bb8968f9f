/**
 * Writes keys and past usage straight into a running gateway's state (demo and benchmarks only): the control plane
 * has no operation that back-dates usage, and creating 10,000 keys one call at a time would only time the seeding.
 */
import { randomBytes } from "node:crypto";
import { internalsOf, type Gateway } from "../public-gateway";

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Daily counts for the last `days` days up to `endMs` (a weekly wave plus noise, so charts look like traffic). */
export function syntheticDays(days: number, base: number, endMs: number, seed = 1): Record<string, number> {
  const out: Record<string, number> = {};
  let s = seed;
  for (let i = days - 1; i >= 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    const t = endMs - i * DAY_MS;
    const weekday = new Date(t).getUTCDay();
    const wave = weekday === 0 || weekday === 6 ? 0.5 : 1;
    out[day(t)] = Math.max(0, Math.round(base * wave * (0.8 + (s / 2_147_483_648) * 0.4)));
  }
  return out;
}

/** Sets usage per (plan, key, day); replaces the days given and keeps the rest. */
export function writeUsageHistory(
  gw: Gateway,
  entries: { planId: string; keyId: string; days: Record<string, number> }[],
): void {
  const { ctx } = internalsOf(gw);
  const usage = ctx.state.usage;
  for (const e of entries) {
    const byKey = (usage[e.planId] ??= {});
    byKey[e.keyId] = { ...byKey[e.keyId], ...e.days };
  }
  ctx.changed();
}

/** Adds enabled keys owned by tenants (customerId + tollgate:tenant tag) to plans, without control-plane calls. */
export function addKeys(
  gw: Gateway,
  keys: { id: string; name: string; customerId: string; planId: string }[],
): void {
  const { ctx } = internalsOf(gw);
  const state = ctx.state;
  const at = Date.now();
  for (const k of keys) {
    state.apiKeys[k.id] = {
      id: k.id,
      value: randomBytes(20).toString("base64url"),
      name: k.name,
      customerId: k.customerId,
      enabled: true,
      createdDate: at,
      lastUpdatedDate: at,
      stageKeys: [],
      tags: { "tollgate:tenant": k.customerId },
    };
    (state.planKeys[k.planId] ??= []).push(k.id);
  }
  ctx.changed();
}
