import type { V2RouteDto } from "@/lib/stages/types";
import type { PlanDto } from "@/lib/aws/usage-plans";
import { stable } from "@/lib/stages/version";
import type {
  CanaryDto,
  HttpStageDto,
  MethodSettingDto,
  RestStageDto,
  RouteSettingsDto,
} from "@/lib/stages/types";

/**
 * The difference between two versions of a gateway object in plain words, one line per setting that changed
 * ("throttling rate 100 → 50 req/s on prod, default route", "stage variable `version` v1 → v2"). Pure: the sync,
 * Tollgate's own writes and the Changes timeline all describe a change with these. Empty = nothing a person sees.
 */

const show = (v: unknown, unit = ""): string =>
  v === null || v === undefined || v === "" ? "none" : `${String(v)}${unit}`;
const onOff = (b: boolean) => (b ? "on" : "off");

function change(label: string, a: unknown, b: unknown, unit = "", where = ""): string[] {
  if (a === b || (show(a) === "none" && show(b) === "none")) return [];
  // "100 → 50 req/s" reads best with the unit once; percentages keep theirs ("canary 10 % → 0 %").
  const both = show(a) !== "none" && show(b) !== "none" && unit !== " %";
  return [`${label} ${show(a, both ? "" : unit)} → ${show(b, unit)}${where}`];
}

function mapDiff(label: string, a: Record<string, string>, b: Record<string, string>, where = ""): string[] {
  const out: string[] = [];
  for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    if (!(k in a)) out.push(`${label} \`${k}\` added: ${b[k]}${where}`);
    else if (!(k in b)) out.push(`${label} \`${k}\` removed (was ${a[k]})${where}`);
    else if (a[k] !== b[k]) out.push(`${label} \`${k}\` ${a[k]} → ${b[k]}${where}`);
  }
  return out;
}

/** "*\/*" → "default route"; "~1pets/GET" → "GET /pets" (AWS escapes "/" in resource paths as "~1"). */
export function methodLabel(key: string): string {
  if (key === "*/*") return "default route";
  const i = key.lastIndexOf("/");
  const path = "/" + key.slice(0, i).replace(/~1/g, "/").replace(/^\/+/, "");
  return `${key.slice(i + 1)} ${path}`;
}

const NO_SETTING: Omit<MethodSettingDto, "key"> = {
  throttlingRateLimit: null,
  throttlingBurstLimit: null,
  cachingEnabled: false,
  cacheTtlInSeconds: null,
  metricsEnabled: false,
  loggingLevel: "OFF",
};

function methodSettingsDiff(stage: string, a: MethodSettingDto[], b: MethodSettingDto[]): string[] {
  const byKey = (l: MethodSettingDto[]) => new Map(l.map((m) => [m.key, m]));
  const am = byKey(a);
  const bm = byKey(b);
  const out: string[] = [];
  const keys = [...new Set([...am.keys(), ...bm.keys()])].sort((x, y) =>
    x === "*/*" ? -1 : y === "*/*" ? 1 : x.localeCompare(y),
  );
  for (const k of keys) {
    const x = am.get(k) ?? { key: k, ...NO_SETTING };
    const y = bm.get(k) ?? { key: k, ...NO_SETTING };
    const where = ` on ${stage}, ${methodLabel(k)}`;
    out.push(
      ...change("throttling rate", x.throttlingRateLimit, y.throttlingRateLimit, " req/s", where),
      ...change("throttling burst", x.throttlingBurstLimit, y.throttlingBurstLimit, " requests", where),
      ...change("caching", onOff(x.cachingEnabled), onOff(y.cachingEnabled), "", where),
      ...change("cache TTL", x.cacheTtlInSeconds, y.cacheTtlInSeconds, " s", where),
      ...change("detailed metrics", onOff(x.metricsEnabled), onOff(y.metricsEnabled), "", where),
      ...change("logging", x.loggingLevel, y.loggingLevel, "", where),
    );
  }
  return out;
}

function canaryDiff(a: CanaryDto | null, b: CanaryDto | null): string[] {
  if (!a && !b) return [];
  if (!a && b) return [`canary started: ${b.percentTraffic} % to deployment ${b.deploymentId}`];
  if (a && !b) return [`canary removed (was ${a.percentTraffic} % to deployment ${a.deploymentId})`];
  const x = a!;
  const y = b!;
  return [
    ...change("canary", x.percentTraffic, y.percentTraffic, " %"),
    ...change("canary deployment", x.deploymentId, y.deploymentId),
    ...change("canary uses the stage cache", onOff(x.useStageCache), onOff(y.useStageCache)),
    ...mapDiff("canary override", x.stageVariableOverrides, y.stageVariableOverrides),
  ];
}

/** A REST stage's difference (settings, variables, method settings, canary). */
export function restStageDiff(a: RestStageDto, b: RestStageDto): string[] {
  return [
    ...change("deployment", a.deploymentId, b.deploymentId),
    ...change("description", a.description, b.description),
    ...mapDiff("stage variable", a.variables, b.variables),
    ...methodSettingsDiff(b.stageName, a.methodSettings, b.methodSettings),
    ...change(
      "cache cluster",
      a.cacheClusterEnabled ? `${a.cacheClusterSize ?? "?"} GB` : "off",
      b.cacheClusterEnabled ? `${b.cacheClusterSize ?? "?"} GB` : "off",
    ),
    ...change("X-Ray tracing", onOff(a.tracingEnabled), onOff(b.tracingEnabled)),
    ...canaryDiff(a.canary, b.canary),
  ];
}

function routeSettingsDiff(where: string, a: RouteSettingsDto, b: RouteSettingsDto): string[] {
  return [
    ...change("throttling rate", a.throttlingRateLimit, b.throttlingRateLimit, " req/s", where),
    ...change("throttling burst", a.throttlingBurstLimit, b.throttlingBurstLimit, " requests", where),
    ...change(
      "detailed metrics",
      onOff(a.detailedMetricsEnabled),
      onOff(b.detailedMetricsEnabled),
      "",
      where,
    ),
  ];
}

const NO_ROUTE: RouteSettingsDto = {
  throttlingRateLimit: null,
  throttlingBurstLimit: null,
  detailedMetricsEnabled: false,
};

/** An HTTP or WebSocket stage's difference. */
export function httpStageDiff(a: HttpStageDto, b: HttpStageDto): string[] {
  const s = b.stageName;
  const routes = [...new Set([...Object.keys(a.routeSettings), ...Object.keys(b.routeSettings)])].sort();
  return [
    ...change("deployment", a.deploymentId, b.deploymentId),
    ...change("description", a.description, b.description),
    ...change("automatic deployment", onOff(a.autoDeploy), onOff(b.autoDeploy)),
    ...mapDiff("stage variable", a.variables, b.variables),
    ...routeSettingsDiff(` on ${s}, default route`, a.defaultRouteSettings, b.defaultRouteSettings),
    ...routes.flatMap((r) =>
      routeSettingsDiff(
        ` on ${s}, route ${r}`,
        a.routeSettings[r] ?? NO_ROUTE,
        b.routeSettings[r] ?? NO_ROUTE,
      ),
    ),
  ];
}

const quotaWords = (q: PlanDto["quota"]) =>
  q ? `${q.limit} requests a ${q.period.toLowerCase()}${q.offset ? ` (offset ${q.offset})` : ""}` : "none";

/** A usage plan's difference (name, throttle, quota, API stages). */
export function planDiff(a: PlanDto, b: PlanDto): string[] {
  const stage = (s: PlanDto["apiStages"][number]) => `${s.apiId}/${s.stage}`;
  const as = new Map(a.apiStages.map((s) => [stage(s), s]));
  const bs = new Map(b.apiStages.map((s) => [stage(s), s]));
  const out = [
    ...change("name", a.name, b.name),
    ...change("description", a.description, b.description),
    ...change("throttling rate", a.rateLimit, b.rateLimit, " req/s"),
    ...change("throttling burst", a.burstLimit, b.burstLimit, " requests"),
    ...change("quota", quotaWords(a.quota), quotaWords(b.quota)),
  ];
  for (const k of [...new Set([...as.keys(), ...bs.keys()])].sort()) {
    if (!as.has(k)) out.push(`API stage ${k} added`);
    else if (!bs.has(k)) out.push(`API stage ${k} removed`);
    else if (stable(as.get(k)!.methodThrottles) !== stable(bs.get(k)!.methodThrottles))
      out.push(`method throttling on API stage ${k} changed`);
  }
  return out;
}

/**
 * An HTTP/WebSocket API's routes before and after: "route GET /pets added", "route GET /pets removed", and per route
 * the target, authorization and key requirement. Routes are matched by id, so a changed route key reads as one
 * change ("route GET /pets → GET /animals"), not a removal and an addition.
 */
export function routesDiff(a: V2RouteDto[], b: V2RouteDto[]): string[] {
  const before = new Map(a.map((r) => [r.id, r]));
  const out: string[] = [];
  for (const r of [...b].sort((x, y) => x.routeKey.localeCompare(y.routeKey))) {
    const old = before.get(r.id);
    before.delete(r.id);
    if (!old) {
      out.push(`route ${r.routeKey} added`);
      continue;
    }
    const label = `route ${r.routeKey}:`;
    if (old.routeKey !== r.routeKey) out.push(`route ${old.routeKey} → ${r.routeKey}`);
    out.push(
      ...change(`${label} target`, old.target, r.target),
      ...change(`${label} authorization`, old.authorizationType, r.authorizationType),
      ...change(`${label} API key required`, onOff(old.apiKeyRequired), onOff(r.apiKeyRequired)),
    );
  }
  for (const gone of [...before.values()].sort((x, y) => x.routeKey.localeCompare(y.routeKey)))
    out.push(`route ${gone.routeKey} removed`);
  return out;
}
