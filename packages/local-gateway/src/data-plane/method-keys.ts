/**
 * Method keys as AWS writes them, turned into one canonical form for lookups:
 * - stage methodSettings: `"*\/*"`, `"~1pets/GET"` (`/` escaped as `~1`), or `"test/GET"` (LS-validated patch form);
 * - usage-plan apiStages[].throttle: `"/pets/GET"`, root `"//GET"`.
 * Canonical form: `"GET /pets"` (root `"GET /"`).
 */

import type { ThrottleLimits } from "./token-bucket";

export const WILDCARD_METHOD_KEY = "*/*";

export function canonicalMethodKey(resourcePath: string, httpMethod: string): string {
  return `${httpMethod.toUpperCase()} ${normalizeResourcePath(resourcePath)}`;
}

function normalizeResourcePath(path: string): string {
  const segments = path.split("/").filter((s) => s.length > 0);
  return "/" + segments.join("/");
}

/** `undefined` for the wildcard or a key with no method part. */
export function parseMethodKey(key: string): string | undefined {
  if (key === WILDCARD_METHOD_KEY) return undefined;
  const slash = key.lastIndexOf("/");
  if (slash < 0) return undefined;
  const method = key.slice(slash + 1);
  if (method.length === 0) return undefined;
  const path = key.slice(0, slash).replaceAll("~1", "/");
  return canonicalMethodKey(path, method);
}

export interface ThrottleSetting {
  throttlingRateLimit?: number | undefined;
  throttlingBurstLimit?: number | undefined;
}

export interface PartialLimits {
  rateLimit?: number | undefined;
  burstLimit?: number | undefined;
}

/**
 * A limit with one half missing is completed rather than ignored: no rate means no rate limit, no burst means a
 * bucket of one second's worth of tokens (at least 1). Neither half → no limit at this level.
 */
export function completeLimits(limits: PartialLimits | undefined): ThrottleLimits | undefined {
  if (limits === undefined) return undefined;
  const { rateLimit, burstLimit } = limits;
  if (rateLimit === undefined && burstLimit === undefined) return undefined;
  const rate = rateLimit ?? Number.POSITIVE_INFINITY;
  const burst = burstLimit ?? Math.max(1, Math.ceil(rate));
  return { rateLimit: rate, burstLimit: burst };
}

export interface CompiledMethodLimits {
  wildcard: ThrottleLimits | undefined;
  byMethod: ReadonlyMap<string, ThrottleLimits>;
}

export const NO_METHOD_LIMITS: CompiledMethodLimits = { wildcard: undefined, byMethod: new Map() };

/** Stage methodSettings → limits per canonical method key plus the `*\/*` fallback. */
export function compileStageThrottles(
  settings: Readonly<Record<string, ThrottleSetting>> | undefined,
): CompiledMethodLimits {
  if (settings === undefined) return NO_METHOD_LIMITS;
  let wildcard: ThrottleLimits | undefined;
  const byMethod = new Map<string, ThrottleLimits>();
  for (const [key, setting] of Object.entries(settings)) {
    const limits = completeLimits({
      rateLimit: setting.throttlingRateLimit,
      burstLimit: setting.throttlingBurstLimit,
    });
    if (limits === undefined) continue;
    if (key === WILDCARD_METHOD_KEY) wildcard = limits;
    else {
      const canonical = parseMethodKey(key);
      if (canonical !== undefined) byMethod.set(canonical, limits);
    }
  }
  return { wildcard, byMethod };
}

/** Usage-plan apiStages[].throttle (`"/pets/GET": {rateLimit, burstLimit}`) → limits per canonical method key. */
export function compilePlanMethodThrottles(
  throttle: Readonly<Record<string, PartialLimits>> | undefined,
): ReadonlyMap<string, ThrottleLimits> {
  const byMethod = new Map<string, ThrottleLimits>();
  if (throttle === undefined) return byMethod;
  for (const [key, partial] of Object.entries(throttle)) {
    const limits = completeLimits(partial);
    const canonical = parseMethodKey(key);
    if (limits !== undefined && canonical !== undefined) byMethod.set(canonical, limits);
  }
  return byMethod;
}

export interface MetricsSetting {
  metricsEnabled?: boolean | undefined;
}

export interface CompiledMetricsSettings {
  wildcard: boolean;
  byMethod: ReadonlyMap<string, boolean>;
}

/** Detailed metrics per method: a method's own `metricsEnabled` wins over `*\/*`. Compiled once per stage version. */
export function compileDetailedMetrics(
  settings: Readonly<Record<string, MetricsSetting>> | undefined,
): CompiledMetricsSettings {
  const byMethod = new Map<string, boolean>();
  if (settings === undefined) return { wildcard: false, byMethod };
  for (const [key, setting] of Object.entries(settings)) {
    if (key === WILDCARD_METHOD_KEY || setting.metricsEnabled === undefined) continue;
    const canonical = parseMethodKey(key);
    if (canonical !== undefined) byMethod.set(canonical, setting.metricsEnabled);
  }
  return { wildcard: settings[WILDCARD_METHOD_KEY]?.metricsEnabled === true, byMethod };
}

export function detailedMetricsFor(compiled: CompiledMetricsSettings, canonicalKey: string): boolean {
  return compiled.byMethod.get(canonicalKey) ?? compiled.wildcard;
}
