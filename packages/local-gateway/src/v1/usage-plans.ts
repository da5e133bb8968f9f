import type { OpContext } from "../context";
import { badRequest, type Reply } from "../http";
import type { RouteDef } from "../routes";
import type { ApiStage, QuotaSettings, UsagePlan } from "../state/types";
import { body, compact, listBody, newId, optString, optStringMap, patchOps } from "./common";
import { findPlan } from "./plan-keys";
import { checkQuota, checkThrottle, numberField, parseThrottleMap } from "./usage-plan-checks";
import { applyUsagePlanPatch } from "./usage-plan-patch";

export { checkQuota, checkThrottle, parseThrottleMap } from "./usage-plan-checks";

export function renderUsagePlan(p: UsagePlan, withEmptyTags: boolean): Record<string, unknown> {
  return compact({
    id: p.id,
    name: p.name,
    description: p.description,
    apiStages: p.apiStages.map((s) => compact({ apiId: s.apiId, stage: s.stage, throttle: s.throttle })),
    throttle: p.throttle,
    quota: p.quota,
    productCode: p.productCode,
    // AWS-recorded: GetUsagePlan and UpdateUsagePlan include tags:{}, CreateUsagePlan and GetUsagePlans items
    // leave out empty tags.
    tags: withEmptyTags || Object.keys(p.tags).length > 0 ? p.tags : undefined,
  });
}

/** Throws unless the REST API and its stage exist (shared with UpdateUsagePlan). */
export function checkApiStage(ctx: OpContext, apiId: string, stage: string, planId: string): void {
  if (!ctx.gw.state.restApis[apiId]?.stages[stage]) {
    throw badRequest(`Invalid API Stage {api: ${apiId}, stage: ${stage}} specified for usageplan ${planId}`);
  }
}

function createUsagePlan(ctx: OpContext): Reply {
  const b = body(ctx);
  const name = optString(b, "name");
  if (!name) throw badRequest("Invalid usage plan name specified: name is required");
  const id = newId(6);
  const rawStages = b.apiStages ?? [];
  if (!Array.isArray(rawStages)) throw badRequest("Invalid apiStages: must be a list");
  const apiStages: ApiStage[] = rawStages.map((s: unknown) => {
    const o = (s ?? {}) as Record<string, unknown>;
    const apiId = String(o.apiId ?? "");
    const stage = String(o.stage ?? "");
    checkApiStage(ctx, apiId, stage, id);
    return compact({ apiId, stage, throttle: parseThrottleMap(o.throttle) });
  });
  const t = b.throttle as Record<string, unknown> | undefined | null;
  const q = b.quota as Record<string, unknown> | undefined | null;
  const plan: UsagePlan = compact({
    id,
    name,
    description: optString(b, "description"),
    apiStages,
    throttle: t
      ? checkThrottle({ burstLimit: numberField(t, "burstLimit"), rateLimit: numberField(t, "rateLimit") })
      : undefined,
    quota: q
      ? checkQuota({
          limit: numberField(q, "limit") ?? 0,
          offset: numberField(q, "offset") ?? 0,
          period: String(q.period ?? "") as QuotaSettings["period"],
        })
      : undefined,
    productCode: optString(b, "productCode"),
    tags: optStringMap(b, "tags") ?? {},
  });
  ctx.gw.state.usagePlans[id] = plan;
  ctx.gw.state.planKeys[id] = [];
  ctx.gw.changed();
  return { status: 201, body: renderUsagePlan(plan, false) };
}

function getUsagePlans(ctx: OpContext): Reply {
  const keyId = ctx.query.get("keyId");
  const plans = Object.values(ctx.gw.state.usagePlans).filter(
    (p) => !keyId || (ctx.gw.state.planKeys[p.id] ?? []).includes(keyId),
  );
  return {
    status: 200,
    body: listBody(
      ctx,
      plans.map((p) => renderUsagePlan(p, false)),
    ),
  };
}

function getUsagePlan(ctx: OpContext): Reply {
  return { status: 200, body: renderUsagePlan(findPlan(ctx), true) };
}

function updateUsagePlan(ctx: OpContext): Reply {
  const plan = findPlan(ctx);
  const draft = structuredClone(plan);
  applyUsagePlanPatch(ctx, draft, patchOps(ctx, "updateUsagePlanInput"));
  ctx.gw.state.usagePlans[plan.id] = draft;
  ctx.gw.changed();
  return { status: 200, body: renderUsagePlan(draft, true) };
}

function deleteUsagePlan(ctx: OpContext): Reply {
  const plan = findPlan(ctx);
  const first = plan.apiStages[0];
  if (first) {
    throw badRequest(
      `Cannot delete Usage Plan ${plan.id} because there are API Stages associated with it, including ${first.apiId}:${first.stage}`,
    );
  }
  const state = ctx.gw.state;
  delete state.usagePlans[plan.id];
  delete state.planKeys[plan.id];
  delete state.usage[plan.id];
  delete state.usageAdjustments[plan.id];
  ctx.gw.changed();
  return { status: 202 };
}

export const usagePlanRoutes: RouteDef[] = [
  ["POST", "/usageplans", "CreateUsagePlan", createUsagePlan],
  ["GET", "/usageplans", "GetUsagePlans", getUsagePlans],
  ["GET", "/usageplans/{usageplan_id}", "GetUsagePlan", getUsagePlan],
  ["PATCH", "/usageplans/{usageplan_id}", "UpdateUsagePlan", updateUsagePlan],
  ["DELETE", "/usageplans/{usageplan_id}", "DeleteUsagePlan", deleteUsagePlan],
];
