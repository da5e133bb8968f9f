/**
 * Per-request lookups precomputed from state: route tables per deployment, per-stage throttles, merged canary
 * variables, per-method integration plans and per-plan throttles. Caches are keyed by objects that the control
 * plane replaces on change (index entries are rebuilt by `changed()`, deployments are frozen), so nothing here
 * is ever stale and nothing is recomputed per request.
 */

import type { StageEntry } from "../state/indexes";
import type { Deployment, Integration, Method, UsagePlan } from "../state/types";
import { canaryStageName, mergeStageVariables } from "./canary";
import {
  canonicalMethodKey,
  compileDetailedMetrics,
  compilePlanMethodThrottles,
  compileStageThrottles,
  completeLimits,
  type CompiledMethodLimits,
  type CompiledMetricsSettings,
} from "./method-keys";
import { compileMockResponse, mockNeedsVtl, type MockResponse } from "./mock";
import { compileRoutes, type RouteTable } from "./route-match";
import type { ThrottleLimits } from "./token-bucket";
import { compileUriTemplate, type UriTemplate } from "./uri-template";

export interface CompiledArm {
  readonly routes: RouteTable<Method>;
  readonly variables: Readonly<Record<string, string>>;
  /** The Stage dimension of this arm's metrics: "<stage>" or "<stage>/Canary". */
  readonly metricsStage: string;
  readonly isCanary: boolean;
}

export interface CompiledStage {
  /** ApiName dimension: non-ASCII stripped, the API id when nothing is left (AWS's rule). */
  readonly apiName: string;
  readonly base: CompiledArm | undefined;
  readonly canary: CompiledArm | undefined;
  readonly percentTraffic: number;
  readonly throttles: CompiledMethodLimits;
  readonly detailedMetrics: CompiledMetricsSettings;
  /** Prefix of this stage's bucket names. */
  readonly bucketPrefix: string;
  /** `${apiId}:${stage}` as usage plans write api stages. */
  readonly apiStage: string;
}

export type IntegrationPlan =
  | {
      readonly kind: "proxy";
      readonly uri: UriTemplate;
      readonly httpMethod: string | undefined;
      readonly timeoutMs: number;
    }
  | {
      readonly kind: "mock";
      /** The static reply (templates without VTL); undefined also when no integration response applies. */
      readonly response: MockResponse | undefined;
      /** Set when a template uses VTL: the handler renders it per request. */
      readonly vtl: Integration | undefined;
    }
  | { readonly kind: "unsupported" };

export interface CompiledMethod {
  /** "GET /pets/{id}": the key for per-method throttles and detailed metrics. */
  readonly canonicalKey: string;
  readonly resourcePath: string;
  readonly methodName: string;
  readonly integration: IntegrationPlan;
}

const routeCache = new WeakMap<Deployment, RouteTable<Method>>();
const stageCache = new WeakMap<StageEntry, CompiledStage>();
const methodCache = new WeakMap<Method, CompiledMethod>();

export function metricsApiName(name: string, id: string): string {
  const ascii = name.replace(/[^\x00-\x7f]/g, "");
  return ascii.length > 0 ? ascii : id;
}

function routesFor(deployment: Deployment): RouteTable<Method> {
  let table = routeCache.get(deployment);
  if (table === undefined) {
    table = compileRoutes(Object.values(deployment.resources));
    routeCache.set(deployment, table);
  }
  return table;
}

export function compileStage(entry: StageEntry): CompiledStage {
  const cached = stageCache.get(entry);
  if (cached !== undefined) return cached;
  const { api, stage } = entry;
  const canarySettings = stage.canarySettings;
  const compiled: CompiledStage = {
    apiName: metricsApiName(api.name, api.id),
    base: entry.deployment && {
      routes: routesFor(entry.deployment),
      variables: stage.variables,
      metricsStage: stage.stageName,
      isCanary: false,
    },
    canary:
      entry.canaryDeployment && canarySettings
        ? {
            routes: routesFor(entry.canaryDeployment),
            variables: mergeStageVariables(stage.variables, canarySettings.stageVariableOverrides),
            metricsStage: canaryStageName(stage.stageName),
            isCanary: true,
          }
        : undefined,
    percentTraffic: canarySettings?.percentTraffic ?? 0,
    throttles: compileStageThrottles(stage.methodSettings),
    detailedMetrics: compileDetailedMetrics(stage.methodSettings),
    bucketPrefix: `s\u0000${api.id}\u0000${stage.stageName}\u0000`,
    apiStage: `${api.id}:${stage.stageName}`,
  };
  stageCache.set(entry, compiled);
  return compiled;
}

function planIntegration(integration: Integration | undefined, maxTimeoutMs: number): IntegrationPlan {
  if (integration === undefined) return { kind: "unsupported" };
  switch (integration.type) {
    case "HTTP_PROXY":
    // HTTP (non-proxy) has request/response mapping templates we do not evaluate: it is forwarded like HTTP_PROXY.
    case "HTTP": {
      if (integration.uri === undefined) return { kind: "unsupported" };
      const method = integration.httpMethod?.toUpperCase();
      const own = integration.timeoutInMillis > 0 ? integration.timeoutInMillis : maxTimeoutMs;
      return {
        kind: "proxy",
        uri: compileUriTemplate(integration.uri),
        httpMethod: method === undefined || method === "ANY" ? undefined : method,
        timeoutMs: Math.min(own, maxTimeoutMs),
      };
    }
    case "MOCK":
      return {
        kind: "mock",
        response: compileMockResponse(integration),
        vtl: mockNeedsVtl(integration) ? integration : undefined,
      };
    default:
      return { kind: "unsupported" };
  }
}

/** `maxTimeoutMs` is the gateway's configured integration timeout; an integration's own timeout may only lower it. */
export function compileMethod(
  method: Method,
  resourcePath: string,
  methodName: string,
  maxTimeoutMs: number,
): CompiledMethod {
  let compiled = methodCache.get(method);
  if (compiled === undefined) {
    compiled = {
      canonicalKey: canonicalMethodKey(resourcePath, methodName),
      resourcePath,
      methodName,
      integration: planIntegration(method.integration, maxTimeoutMs),
    };
    methodCache.set(method, compiled);
  }
  return compiled;
}

export interface CompiledPlan {
  readonly limits: ThrottleLimits | undefined;
  /** apiStage ("apiId:stage") → canonical method key → limits. */
  readonly methodLimits: ReadonlyMap<string, ReadonlyMap<string, ThrottleLimits>>;
  readonly bucketName: (keyId: string) => string;
}

/** Plans are mutated in place by UpdateUsagePlan, so their compiled form lives only as long as one index version. */
export class PlanCache {
  private version = -1;
  private readonly plans = new Map<UsagePlan, CompiledPlan>();

  get(plan: UsagePlan, indexVersion: number): CompiledPlan {
    if (indexVersion !== this.version) {
      this.plans.clear();
      this.version = indexVersion;
    }
    let compiled = this.plans.get(plan);
    if (compiled === undefined) {
      const methodLimits = new Map<string, ReadonlyMap<string, ThrottleLimits>>();
      for (const s of plan.apiStages) {
        const byMethod = compilePlanMethodThrottles(s.throttle);
        if (byMethod.size > 0) methodLimits.set(`${s.apiId}:${s.stage}`, byMethod);
      }
      const prefix = `p\u0000${plan.id}\u0000`;
      compiled = {
        limits: completeLimits(plan.throttle),
        methodLimits,
        bucketName: (keyId) => prefix + keyId,
      };
      this.plans.set(plan, compiled);
    }
    return compiled;
  }
}
