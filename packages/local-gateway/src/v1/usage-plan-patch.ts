import type { OpContext } from "../context";
import { badRequest, conflict, notFound } from "../http";
import type { ApiStage, QuotaSettings, ThrottleSettings, UsagePlan } from "../state/types";
import { compact, parseNumber, type PatchOp } from "./common";
import { planKeyConflict } from "./plan-keys";
import { checkQuota, checkThrottle, parseThrottleMap } from "./usage-plan-checks";

/** UpdateUsagePlan patch paths (docs/aws-api-gateway.md §3), applied in order to a draft plan. */

const REMOVE_PATHS =
  "[/apiStages, /quota, /throttle, /productCode, /apiStages/<apidId:stageName>/throttle/<resourcePath>/<httpMethod>, /apiStages/<apidId:stageName>/throttle]";
const REPLACE_PATHS =
  "[/name, /description, /productCode, /throttle/rateLimit, /throttle/burstLimit, /quota/limit, /quota/offset, /quota/period, /apiStages/<apidId:stageName>/throttle, /apiStages/<apidId:stageName>/throttle/<resourcePath>/<httpMethod>/rateLimit, /apiStages/<apidId:stageName>/throttle/<resourcePath>/<httpMethod>/burstLimit]";
const ADD_PATHS =
  "[/apiStages, /throttle/rateLimit, /throttle/burstLimit, /quota/limit, /quota/offset, /quota/period]";

function invalidPath(p: PatchOp): Error {
  const list = p.op === "remove" ? REMOVE_PATHS : p.op === "add" ? ADD_PATHS : REPLACE_PATHS;
  return badRequest(`Invalid patch path  '${p.path}' specified for op '${p.op}'. Must be one of: ${list}`);
}

function parseStageValue(value: string | undefined): { apiId: string; stage: string } {
  const i = value?.indexOf(":") ?? -1;
  if (!value || i <= 0 || i === value.length - 1) throw badRequest("Invalid API Stage specified");
  return { apiId: value.slice(0, i), stage: value.slice(i + 1) };
}

const stageNotFound = (apiId: string, stage: string, planId: string) =>
  notFound(`Invalid API Stage {api: ${apiId}, stage: ${stage}} specified for usageplan ${planId}`);

/** "/pets/GET", "//GET" (root), "pets/GET" and "~1pets/GET" all become AWS's map key "/pets/GET" or "//GET". */
export function methodThrottleKey(raw: string): string {
  const slash = raw.lastIndexOf("/");
  if (slash < 0) throw badRequest(`Invalid method throttle path: ${raw}`);
  const method = raw.slice(slash + 1).toUpperCase();
  let resource = raw.slice(0, slash).replace(/~1/g, "/");
  if (!resource.startsWith("/")) resource = `/${resource}`;
  if (!["*", "ANY", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"].includes(method)) {
    throw badRequest(`Invalid method throttle path: ${raw}`);
  }
  return `${resource}/${method}`;
}

function applyStageThrottle(plan: UsagePlan, p: PatchOp): void {
  // /apiStages/<apiId>:<stage>/throttle[/<resourcePath>/<METHOD>[/rateLimit|/burstLimit]]
  const m = /^\/apiStages\/([^/]+)\/throttle(\/.*)?$/.exec(p.path);
  if (!m) throw invalidPath(p);
  const { apiId, stage } = parseStageValue(m[1]);
  const target = plan.apiStages.find((s) => s.apiId === apiId && s.stage === stage);
  if (!target) throw stageNotFound(apiId, stage, plan.id);
  const rest = m[2] ?? "";
  if (rest === "") {
    if (p.op === "remove") delete target.throttle;
    else if (p.op === "replace") {
      let parsed: unknown;
      try {
        parsed = JSON.parse(p.value ?? "");
      } catch {
        throw badRequest("Invalid throttle value: must be a JSON map of method throttles");
      }
      target.throttle = parseThrottleMap(parsed) ?? {};
    } else throw invalidPath(p);
    return;
  }
  const field = /\/(rateLimit|burstLimit)$/.exec(rest);
  if (p.op === "remove") {
    if (field) throw invalidPath(p);
    if (target.throttle) delete target.throttle[methodThrottleKey(rest.slice(1))];
    return;
  }
  if ((p.op !== "replace" && p.op !== "add") || !field) throw invalidPath(p);
  const key = methodThrottleKey(rest.slice(1, rest.length - field[0].length));
  const current: ThrottleSettings = { ...target.throttle?.[key] };
  if (field[1] === "rateLimit") current.rateLimit = parseNumber(p.value, "rateLimit", { min: 0 });
  else current.burstLimit = parseNumber(p.value, "burstLimit", { integer: true, min: 0 });
  target.throttle = { ...target.throttle, [key]: checkThrottle(current) };
}

function applyApiStages(ctx: OpContext, plan: UsagePlan, p: PatchOp): void {
  const { apiId, stage } = parseStageValue(p.value);
  const index = plan.apiStages.findIndex((s) => s.apiId === apiId && s.stage === stage);
  if (p.op === "remove") {
    if (index < 0) throw stageNotFound(apiId, stage, plan.id);
    plan.apiStages.splice(index, 1);
    return;
  }
  if (p.op !== "add") throw invalidPath(p);
  if (!ctx.gw.state.restApis[apiId]?.stages[stage]) throw stageNotFound(apiId, stage, plan.id);
  if (index >= 0)
    throw conflict(
      `API Stage {api: ${apiId}, stage: ${stage}} is already associated with usage plan ${plan.id}`,
    );
  const added: ApiStage = { apiId, stage };
  plan.apiStages.push(added);
  for (const keyId of ctx.gw.state.planKeys[plan.id] ?? []) {
    const problem = planKeyConflict(ctx.gw.state, { ...plan, apiStages: [added] }, keyId);
    if (problem) throw conflict(problem);
  }
}

function applyOne(ctx: OpContext, plan: UsagePlan, p: PatchOp): void {
  const { op, path, value } = p;
  if (path === "/apiStages") return applyApiStages(ctx, plan, p);
  if (path.startsWith("/apiStages/")) return applyStageThrottle(plan, p);
  if (op === "remove") {
    if (path === "/throttle") delete plan.throttle;
    else if (path === "/quota") delete plan.quota;
    else if (path === "/productCode") delete plan.productCode;
    else throw invalidPath(p);
    return;
  }
  if (op !== "replace" && op !== "add") throw invalidPath(p);
  if (op === "replace" && path === "/name") {
    if (!value) throw badRequest("Invalid usage plan name specified: name must be non-empty");
    plan.name = value;
  } else if (op === "replace" && path === "/description") plan.description = value;
  else if (op === "replace" && path === "/productCode") plan.productCode = value;
  else if (path === "/throttle/rateLimit" || path === "/throttle/burstLimit") {
    const t: ThrottleSettings = { ...plan.throttle };
    if (path === "/throttle/rateLimit") t.rateLimit = parseNumber(value, "rateLimit", { min: 0 });
    else t.burstLimit = parseNumber(value, "burstLimit", { integer: true, min: 0 });
    plan.throttle = checkThrottle(t);
  } else if (path === "/quota/limit" || path === "/quota/offset" || path === "/quota/period") {
    // A quota created by a patch starts as {limit 0, offset 0, period DAY}; the patch then sets its field.
    const q: QuotaSettings = { ...(plan.quota ?? { limit: 0, offset: 0, period: "DAY" }) };
    if (path === "/quota/limit") q.limit = parseNumber(value, "quota limit", { integer: true, min: 0 });
    else if (path === "/quota/offset")
      q.offset = parseNumber(value, "quota offset", { integer: true, min: 0 });
    else q.period = (value ?? "") as QuotaSettings["period"];
    plan.quota = q;
  } else throw invalidPath(p);
}

export function applyUsagePlanPatch(ctx: OpContext, plan: UsagePlan, ops: readonly PatchOp[]): void {
  for (const p of ops) applyOne(ctx, plan, p);
  if (plan.quota) plan.quota = checkQuota(plan.quota);
  compact(plan);
}
