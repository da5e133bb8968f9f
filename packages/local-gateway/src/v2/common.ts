import type { OpContext } from "../context";
import { badRequest, notFound } from "../http";
import type { RouteSettings, V2Api, V2Stage } from "../state/types";

/** v2 timestamps on the wire: ISO-8601 strings (v1 uses epoch seconds). */
export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export function findV2Api(ctx: OpContext): V2Api {
  const id = ctx.params.api_id ?? "";
  const api = ctx.gw.state.v2Apis[id];
  if (!api)
    throw notFound(`Invalid API identifier specified ${ctx.gw.config.accountId}:${id}`, {
      resourceType: "Api",
    });
  return api;
}

export function findV2Stage(ctx: OpContext, api: V2Api): V2Stage {
  const stage = api.stages[ctx.params.stage_name ?? ""];
  if (!stage) throw notFound("Invalid stage identifier specified", { resourceType: "Stage" });
  return stage;
}

/** v2 paging: `maxResults` (a string on the wire, 1–500, default 100) and an opaque `nextToken`, present only when more remain. */
export function pageV2<T>(ctx: OpContext, all: readonly T[]): { items: T[]; nextToken?: string } {
  const raw = ctx.query.get("maxResults");
  let max = 100;
  if (raw !== null) {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 500)
      throw badRequest("Invalid maxResults: must be an integer from 1 to 500");
    max = n;
  }
  let start = 0;
  const token = ctx.query.get("nextToken");
  if (token) {
    const n = Number(Buffer.from(token, "base64url").toString("utf8"));
    if (!Number.isInteger(n) || n < 0) throw badRequest("Invalid nextToken specified");
    start = n;
  }
  const items = all.slice(start, start + max);
  const next = start + max;
  return next < all.length
    ? { items, nextToken: Buffer.from(String(next)).toString("base64url") }
    : { items };
}

const LOG_LEVELS = ["ERROR", "INFO", "OFF"];

/** Validates one RouteSettings object from a request body. */
export function parseRouteSettings(raw: unknown, where: string): RouteSettings {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw badRequest(`Invalid ${where}: must be an object`);
  const o = raw as Record<string, unknown>;
  const out: RouteSettings = {};
  if (o.throttlingBurstLimit !== undefined) {
    if (!Number.isInteger(o.throttlingBurstLimit) || (o.throttlingBurstLimit as number) < 0) {
      throw badRequest(`Invalid ${where}.throttlingBurstLimit: must be a non-negative integer`);
    }
    out.throttlingBurstLimit = o.throttlingBurstLimit as number;
  }
  if (o.throttlingRateLimit !== undefined) {
    if (typeof o.throttlingRateLimit !== "number" || o.throttlingRateLimit < 0) {
      throw badRequest(`Invalid ${where}.throttlingRateLimit: must be a non-negative number`);
    }
    out.throttlingRateLimit = o.throttlingRateLimit;
  }
  for (const flag of ["detailedMetricsEnabled", "dataTraceEnabled"] as const) {
    if (o[flag] === undefined) continue;
    if (typeof o[flag] !== "boolean") throw badRequest(`Invalid ${where}.${flag}: must be a boolean`);
    out[flag] = o[flag];
  }
  if (o.loggingLevel !== undefined) {
    if (typeof o.loggingLevel !== "string" || !LOG_LEVELS.includes(o.loggingLevel)) {
      throw badRequest(`Invalid ${where}.loggingLevel: must be one of ERROR, INFO, OFF`);
    }
    out.loggingLevel = o.loggingLevel as RouteSettings["loggingLevel"];
  }
  return out;
}

const ROUTE_KEY =
  /^(\$default|\$connect|\$disconnect|[A-Za-z0-9_$.-]+|(ANY|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \/\S*)$/;

export function parseRouteSettingsMap(raw: unknown): Record<string, RouteSettings> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw badRequest("Invalid routeSettings: must be a map");
  return Object.fromEntries(
    Object.entries(raw as Record<string, unknown>).map(([key, v]) => {
      if (!ROUTE_KEY.test(key)) throw badRequest(`Invalid route key in routeSettings: '${key}'`);
      return [key, parseRouteSettings(v, `routeSettings['${key}']`)];
    }),
  );
}

export function parseStageVariables(raw: unknown): Record<string, string> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw badRequest("Invalid stageVariables: must be a map");
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (!/^[A-Za-z0-9_]{1,64}$/.test(k))
      throw badRequest(`Invalid stage variable name '${k}': use [A-Za-z0-9_], at most 64 characters`);
    if (typeof v !== "string" || v.length > 2048)
      throw badRequest(`Invalid value for stage variable '${k}': a string of at most 2048 characters`);
  }
  return { ...(raw as Record<string, string>) };
}
