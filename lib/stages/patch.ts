/**
 * Pure builders of API Gateway UpdateStage JSON Patch operations (docs/aws-api-gateway.md §2 and §2.1). The stage page shows the
 * exact operations these return before the operator applies them, and the server action applies the same ones, so
 * what is previewed is what is sent.
 */

export type PatchOp =
  | { op: "replace"; path: string; value: string }
  | { op: "remove"; path: string }
  | { op: "copy"; from: string; path: string };

/** "*" + "*" is the stage-wide default; otherwise a resource path such as "/pets/{id}" and an HTTP method. */
export type MethodTarget = { resourcePath: string; httpMethod: string };
export const STAGE_WIDE: MethodTarget = { resourcePath: "*", httpMethod: "*" };

/** The path prefix of a method setting: "/*\/*" or "/~1pets/GET" (JSON Pointer escapes "/" as "~1"). */
export function methodSettingPrefix(t: MethodTarget): string {
  if (t.resourcePath === "*" && t.httpMethod === "*") return "/*/*";
  return `/${t.resourcePath.replace(/~/g, "~0").replace(/\//g, "~1")}/${t.httpMethod.toUpperCase()}`;
}

/** A methodSettings key as AWS returns it ("*\/*", "~1pets/GET") back to a target. */
export function methodTargetOfKey(key: string): MethodTarget {
  if (key === "*/*") return STAGE_WIDE;
  const slash = key.lastIndexOf("/");
  const rawPath = key.slice(0, slash);
  const resourcePath = rawPath.replace(/~1/g, "/").replace(/~0/g, "~");
  return {
    resourcePath: resourcePath.startsWith("/") ? resourcePath : `/${resourcePath}`,
    httpMethod: key.slice(slash + 1),
  };
}

/** "3" rather than "3.0"; AWS takes numbers as strings in patches. */
const num = (n: number) => String(n);

export type VariablesChange = { set: Record<string, string>; remove: readonly string[] };

export function variablesPatch(current: Record<string, string>, change: VariablesChange): PatchOp[] {
  const ops: PatchOp[] = [];
  for (const [name, value] of Object.entries(change.set)) {
    if (current[name] !== value) ops.push({ op: "replace", path: `/variables/${name}`, value });
  }
  for (const name of change.remove) {
    if (name in current && !(name in change.set)) ops.push({ op: "remove", path: `/variables/${name}` });
  }
  return ops;
}

export function throttlingPatch(
  target: MethodTarget,
  limits: { rateLimit: number; burstLimit: number },
): PatchOp[] {
  const p = methodSettingPrefix(target);
  return [
    { op: "replace", path: `${p}/throttling/rateLimit`, value: num(limits.rateLimit) },
    { op: "replace", path: `${p}/throttling/burstLimit`, value: num(limits.burstLimit) },
  ];
}

/** Removes a per-method override entirely (it then falls back to the stage-wide settings). */
export function removeMethodSettingPatch(target: MethodTarget): PatchOp[] {
  return [{ op: "remove", path: methodSettingPrefix(target) }];
}

export function cacheClusterPatch(
  current: { enabled: boolean; size: string | null },
  next: { enabled: boolean; size: string },
): PatchOp[] {
  const ops: PatchOp[] = [];
  if (next.enabled && current.size !== next.size)
    ops.push({ op: "replace", path: "/cacheClusterSize", value: next.size });
  if (current.enabled !== next.enabled)
    ops.push({ op: "replace", path: "/cacheClusterEnabled", value: String(next.enabled) });
  return ops;
}

export function cachingPatch(
  target: MethodTarget,
  next: { enabled: boolean; ttlInSeconds: number },
): PatchOp[] {
  const p = methodSettingPrefix(target);
  return [
    { op: "replace", path: `${p}/caching/enabled`, value: String(next.enabled) },
    { op: "replace", path: `${p}/caching/ttlInSeconds`, value: num(next.ttlInSeconds) },
  ];
}

export type LoggingLevel = "OFF" | "ERROR" | "INFO";
export type Observability = { metricsEnabled: boolean; loggingLevel: LoggingLevel; tracingEnabled: boolean };

export function observabilityPatch(current: Observability, next: Observability): PatchOp[] {
  const ops: PatchOp[] = [];
  if (current.metricsEnabled !== next.metricsEnabled)
    ops.push({ op: "replace", path: "/*/*/metrics/enabled", value: String(next.metricsEnabled) });
  if (current.loggingLevel !== next.loggingLevel)
    ops.push({ op: "replace", path: "/*/*/logging/loglevel", value: next.loggingLevel });
  if (current.tracingEnabled !== next.tracingEnabled)
    ops.push({ op: "replace", path: "/tracingEnabled", value: String(next.tracingEnabled) });
  return ops;
}

/** Points the stage at another deployment (deploy to an existing stage, or roll back). */
export function deploymentPatch(deploymentId: string): PatchOp[] {
  return [{ op: "replace", path: "/deploymentId", value: deploymentId }];
}

export type CanaryStart = {
  deploymentId: string;
  percentTraffic: number;
  stageVariableOverrides: Record<string, string>;
  useStageCache: boolean;
};

/** AWS accepts only `replace` under /canarySettings; these also create the canary on a stage that has none. */
export function startCanaryPatch(c: CanaryStart): PatchOp[] {
  return [
    { op: "replace", path: "/canarySettings/deploymentId", value: c.deploymentId },
    { op: "replace", path: "/canarySettings/percentTraffic", value: num(c.percentTraffic) },
    { op: "replace", path: "/canarySettings/useStageCache", value: String(c.useStageCache) },
    ...Object.entries(c.stageVariableOverrides).map(([name, value]): PatchOp => ({
      op: "replace",
      path: `/canarySettings/stageVariableOverrides/${name}`,
      value,
    })),
  ];
}

export function canaryPercentPatch(percentTraffic: number): PatchOp[] {
  return [{ op: "replace", path: "/canarySettings/percentTraffic", value: num(percentTraffic) }];
}

/**
 * Promotion is two UpdateStage calls: AWS's documented copy operations (canary weight to 0, overrides merged into
 * the variables, the canary's deployment becomes the stage's), then removing the now idle canary.
 */
export function promoteCanaryPatches(): [PatchOp[], PatchOp[]] {
  return [
    [
      { op: "replace", path: "/canarySettings/percentTraffic", value: "0.0" },
      { op: "copy", from: "/canarySettings/stageVariableOverrides", path: "/variables" },
      { op: "copy", from: "/canarySettings/deploymentId", path: "/deploymentId" },
    ],
    abandonCanaryPatch(),
  ];
}

export function abandonCanaryPatch(): PatchOp[] {
  return [{ op: "remove", path: "/canarySettings" }];
}
