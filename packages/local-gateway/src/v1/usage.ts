import type { OpContext } from "../context";
import { badRequest, notFound, type Reply } from "../http";
import type { RouteDef } from "../routes";
import { dayKey, parseDay, quotaPeriod, setRemaining, usageSeries } from "../usage";
import { page, parseNumber, patchOps } from "./common";
import { findPlan } from "./plan-keys";

const MAX_DAYS = 366;

/** GetUsage: `values` maps key id → one [used, remaining] pair per day, startDate..endDate inclusive; paged over keys. */
function getUsage(ctx: OpContext): Reply {
  const plan = findPlan(ctx);
  const startDate = ctx.query.get("startDate") ?? "";
  const endDate = ctx.query.get("endDate") ?? "";
  const start = parseDay(startDate);
  const end = parseDay(endDate);
  if (start === undefined) throw badRequest("Invalid start date specified: startDate must be yyyy-MM-dd");
  if (end === undefined) throw badRequest("Invalid end date specified: endDate must be yyyy-MM-dd");
  if (end < start) throw badRequest("The end date must not be before the start date");
  if ((end - start) / 86_400_000 >= MAX_DAYS)
    throw badRequest(`The date range must be at most ${MAX_DAYS} days`);
  const keyId = ctx.query.get("keyId");
  const planKeys = ctx.gw.state.planKeys[plan.id] ?? [];
  if (keyId && !planKeys.includes(keyId)) throw notFound("Invalid Key identifier specified");
  const { items, position } = page(ctx, keyId ? [keyId] : planKeys);
  const values = Object.fromEntries(items.map((id) => [id, usageSeries(ctx.gw.state, plan, id, start, end)]));
  const out: Record<string, unknown> = { usagePlanId: plan.id, startDate, endDate, values };
  if (position !== undefined) out.position = position;
  return { status: 200, body: out };
}

/** UpdateUsage `replace /remaining`: sets what is left of the current quota period for one key. */
function updateUsage(ctx: OpContext): Reply {
  const plan = findPlan(ctx);
  const keyId = ctx.params.key_id ?? "";
  if (!(ctx.gw.state.planKeys[plan.id] ?? []).includes(keyId))
    throw notFound("Invalid Key identifier specified");
  const now = ctx.gw.clock.now();
  for (const p of patchOps(ctx, "updateUsageInput")) {
    if (p.op !== "replace" || p.path !== "/remaining") {
      throw badRequest(
        `Invalid patch path  '${p.path}' specified for op '${p.op}'. Must be one of: [/remaining]`,
      );
    }
    if (!plan.quota)
      throw badRequest(`Usage plan ${plan.id} has no quota, so its remaining requests cannot be set`);
    setRemaining(
      ctx.gw.state,
      plan,
      keyId,
      parseNumber(p.value, "remaining", { integer: true, min: 0 }),
      now,
    );
  }
  ctx.gw.changed();
  const period = quotaPeriod(plan.quota ?? { period: "DAY", offset: 0 }, now);
  const today = dayKey(now);
  return {
    status: 200,
    body: {
      usagePlanId: plan.id,
      startDate: dayKey(period.start),
      endDate: today,
      values: { [keyId]: usageSeries(ctx.gw.state, plan, keyId, period.start, parseDay(today)!) },
    },
  };
}

export const usageRoutes: RouteDef[] = [
  ["GET", "/usageplans/{usageplan_id}/usage", "GetUsage", getUsage],
  ["PATCH", "/usageplans/{usageplan_id}/keys/{key_id}/usage", "UpdateUsage", updateUsage],
];
