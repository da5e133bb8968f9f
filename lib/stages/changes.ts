import type { HttpStageChange, StageChange } from "@/lib/schemas/stages";
import {
  abandonCanaryPatch,
  cacheClusterPatch,
  cachingPatch,
  canaryPercentPatch,
  deploymentPatch,
  observabilityPatch,
  promoteCanaryPatches,
  removeMethodSettingPatch,
  startCanaryPatch,
  throttlingPatch,
  variablesPatch,
  type PatchOp,
} from "./patch";
import type { HttpStageDto, RestStageDto } from "./types";

/**
 * The UpdateStage calls one change needs, in order (most changes are one call; promotion is two). Used by the page
 * to preview and by the server action to apply, against the same stage version, so the preview is what is sent.
 * Throws a plain-words Error when the change makes no sense for the stage as it is.
 */
export function stagePatchCalls(stage: RestStageDto, change: StageChange): PatchOp[][] {
  const wide = stage.methodSettings.find((m) => m.key === "*/*");
  switch (change.kind) {
    case "variables":
      return [variablesPatch(stage.variables, change)];
    case "throttling":
      return [throttlingPatch(change.target, change)];
    case "method-settings-remove":
      return [removeMethodSettingPatch(change.target)];
    case "cache-cluster":
      return [
        cacheClusterPatch({ enabled: stage.cacheClusterEnabled, size: stage.cacheClusterSize }, change),
      ];
    case "caching":
      return [cachingPatch(change.target, change)];
    case "observability":
      return [
        observabilityPatch(
          {
            metricsEnabled: wide?.metricsEnabled ?? false,
            loggingLevel: wide?.loggingLevel ?? "OFF",
            tracingEnabled: stage.tracingEnabled,
          },
          change,
        ),
      ];
    case "rollback":
      if (stage.canary)
        throw new Error("Promote or abandon the canary before moving the stage to another deployment.");
      return [deploymentPatch(change.deploymentId)];
    case "canary-start":
      if (stage.canary)
        throw new Error("This stage already has a canary: change its percentage, promote or abandon it.");
      return [startCanaryPatch(change)];
    case "canary-percent":
      if (!stage.canary) throw new Error("This stage has no canary.");
      return [canaryPercentPatch(change.percentTraffic)];
    case "canary-promote":
      if (!stage.canary) throw new Error("This stage has no canary to promote.");
      return promoteCanaryPatches();
    case "canary-abandon":
      if (!stage.canary) throw new Error("This stage has no canary.");
      return [abandonCanaryPatch()];
  }
}

/** One-line summary of a change for the audit trail and toasts. */
export function describeStageChange(change: StageChange): string {
  switch (change.kind) {
    case "variables":
      return "stage variables changed";
    case "throttling":
      return `throttling ${change.rateLimit} req/s, burst ${change.burstLimit}`;
    case "method-settings-remove":
      return "per-method override removed";
    case "cache-cluster":
      return change.enabled ? `cache cluster ${change.size} GB` : "cache cluster off";
    case "caching":
      return `caching ${change.enabled ? "on" : "off"}, TTL ${change.ttlInSeconds} s`;
    case "observability":
      return "metrics, logging and tracing switches";
    case "rollback":
      return `stage moved to deployment ${change.deploymentId}`;
    case "canary-start":
      return `canary started at ${change.percentTraffic} % on deployment ${change.deploymentId}`;
    case "canary-percent":
      return `canary set to ${change.percentTraffic} %`;
    case "canary-promote":
      return "canary promoted";
    case "canary-abandon":
      return "canary abandoned";
  }
}

/** HTTP API UpdateStage takes a partial document (not JSON Patch); this is the exact body sent. */
export function httpStageUpdate(stage: HttpStageDto, change: HttpStageChange): Record<string, unknown> {
  switch (change.kind) {
    case "variables": {
      // v2 UpdateStage merges stageVariables into the stage's; an empty value removes one (the Local Gateway's
      // reading; AWS's exact semantics are UNCONFIRMED in the reference). Only what changes is sent.
      const next: Record<string, string> = {};
      for (const [name, value] of Object.entries(change.set))
        if (stage.variables[name] !== value) next[name] = value;
      for (const name of change.remove) if (name in stage.variables && !(name in change.set)) next[name] = "";
      return { stageVariables: next };
    }
    case "throttling": {
      const limits = { throttlingRateLimit: change.rateLimit, throttlingBurstLimit: change.burstLimit };
      if (change.routeKey === null) return { defaultRouteSettings: limits };
      return { routeSettings: { [change.routeKey]: limits } };
    }
    case "auto-deploy":
      return { autoDeploy: change.autoDeploy };
  }
}

/**
 * What a change WILL do, for the review dialog shown before anything is applied ("This will abandon the canary…");
 * `describeStageChange` is the past-tense summary once it is done.
 */
export function previewStageChange(change: StageChange): string {
  switch (change.kind) {
    case "variables":
      return "This will change the stage variables";
    case "throttling":
      return `This will set throttling to ${change.rateLimit} req/s with a burst of ${change.burstLimit}`;
    case "method-settings-remove":
      return "This will remove the per-method override; the method falls back to the stage's settings";
    case "cache-cluster":
      return change.enabled
        ? `This will turn on a ${change.size} GB cache cluster`
        : "This will turn off the cache cluster and delete everything cached in it";
    case "caching":
      return `This will turn caching ${change.enabled ? "on" : "off"} with a TTL of ${change.ttlInSeconds} s`;
    case "observability":
      return "This will change the metrics, logging and tracing switches";
    case "rollback":
      return `This will move the stage to deployment ${change.deploymentId}: every request is served by it`;
    case "canary-start":
      return `This will start a canary on deployment ${change.deploymentId} with ${change.percentTraffic} % of requests`;
    case "canary-percent":
      return `This will send ${change.percentTraffic} % of requests to the canary`;
    case "canary-promote":
      return "This will promote the canary: its deployment becomes the stage's and serves every request";
    case "canary-abandon":
      return "This will abandon the canary: every request goes back to the base deployment";
  }
}

/** Changes that take something away (traffic from a deployment, cached data, an override): their Apply is red. */
export function isDestructiveStageChange(change: StageChange): boolean {
  switch (change.kind) {
    case "canary-abandon":
    case "rollback":
    case "method-settings-remove":
      return true;
    case "cache-cluster":
      return !change.enabled;
    default:
      return false;
  }
}
