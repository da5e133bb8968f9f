import type { OpContext } from "../context";
import { badRequest, conflict, notFound, type Reply } from "../http";
import type { RouteDef } from "../routes";
import type { RestApi, Stage } from "../state/types";
import {
  body,
  checkStageName,
  checkVariable,
  compact,
  epochSeconds,
  findApi,
  findStage,
  optBool,
  optNumber,
  optString,
  optStringMap,
  patchOps,
} from "./common";
import { checkCacheSize } from "./cache-sizes";
import { applyStagePatch } from "./stage-patch";

export { CACHE_SIZES, checkCacheSize } from "./cache-sizes";

export function checkVariables(vars: Record<string, string>): void {
  for (const [k, v] of Object.entries(vars)) checkVariable(k, v);
}

/** A stage with AWS's defaults for a fresh one (LS-validated). The cache becomes AVAILABLE at once (our choice). */
export function newStage(
  now: number,
  init: Partial<Stage> & Pick<Stage, "stageName" | "deploymentId">,
): Stage {
  const cacheClusterEnabled = init.cacheClusterEnabled ?? false;
  return compact<Stage>({
    variables: {},
    methodSettings: {},
    tracingEnabled: false,
    tags: {},
    ...init,
    cacheClusterEnabled,
    cacheClusterSize: cacheClusterEnabled ? (init.cacheClusterSize ?? "0.5") : init.cacheClusterSize,
    cacheClusterStatus: cacheClusterEnabled ? ("AVAILABLE" as const) : ("NOT_AVAILABLE" as const),
    createdDate: now,
    lastUpdatedDate: now,
  });
}

export function renderStage(s: Stage): Record<string, unknown> {
  return compact({
    deploymentId: s.deploymentId,
    clientCertificateId: s.clientCertificateId,
    stageName: s.stageName,
    description: s.description,
    cacheClusterEnabled: s.cacheClusterEnabled,
    cacheClusterSize: s.cacheClusterSize,
    cacheClusterStatus: s.cacheClusterStatus,
    methodSettings: s.methodSettings,
    variables: Object.keys(s.variables).length > 0 ? s.variables : undefined,
    documentationVersion: s.documentationVersion,
    accessLogSettings: s.accessLogSettings,
    canarySettings: s.canarySettings,
    tracingEnabled: s.tracingEnabled,
    // AWS leaves out empty tags (AWS-recorded CreateStage/GetStage).
    tags: Object.keys(s.tags).length > 0 ? s.tags : undefined,
    createdDate: epochSeconds(s.createdDate),
    lastUpdatedDate: epochSeconds(s.lastUpdatedDate),
  });
}

function createStage(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const b = body(ctx);
  const stageName = optString(b, "stageName");
  const deploymentId = optString(b, "deploymentId");
  if (!stageName) throw badRequest("Invalid stage name specified: stageName is required");
  checkStageName(stageName);
  if (!deploymentId) throw badRequest("Invalid deployment identifier specified: deploymentId is required");
  if (!api.deployments[deploymentId]) throw notFound("Invalid Deployment identifier specified");
  if (api.stages[stageName]) throw conflict("Stage already exists");
  const variables = optStringMap(b, "variables") ?? {};
  checkVariables(variables);
  const cacheClusterSize = optString(b, "cacheClusterSize");
  if (cacheClusterSize !== undefined) checkCacheSize(cacheClusterSize);
  const stage = newStage(ctx.gw.clock.now(), {
    stageName,
    deploymentId,
    description: optString(b, "description"),
    documentationVersion: optString(b, "documentationVersion"),
    variables,
    cacheClusterEnabled: optBool(b, "cacheClusterEnabled") ?? false,
    cacheClusterSize,
    tracingEnabled: optBool(b, "tracingEnabled") ?? false,
    tags: optStringMap(b, "tags") ?? {},
  });
  const canary = b.canarySettings as Record<string, unknown> | undefined | null;
  if (canary) {
    const canaryDeployment = optString(canary, "deploymentId") ?? deploymentId;
    if (!api.deployments[canaryDeployment]) throw badRequest("Deployment id does not exist");
    const percentTraffic = optNumber(canary, "percentTraffic") ?? 0;
    if (percentTraffic < 0 || percentTraffic > 100)
      throw badRequest("Canary weight must be between 0.0 and 100.0");
    const overrides = optStringMap(canary, "stageVariableOverrides");
    if (overrides) checkVariables(overrides);
    stage.canarySettings = compact({
      deploymentId: canaryDeployment,
      percentTraffic,
      stageVariableOverrides: overrides,
      useStageCache: optBool(canary, "useStageCache") ?? false,
    });
  }
  api.stages[stageName] = stage;
  ctx.gw.changed();
  return { status: 201, body: renderStage(stage) };
}

function getStages(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const deploymentId = ctx.query.get("deploymentId");
  const stages = Object.values(api.stages).filter((s) => !deploymentId || s.deploymentId === deploymentId);
  return { status: 200, body: { item: stages.map(renderStage) } };
}

function getStage(ctx: OpContext): Reply {
  return { status: 200, body: renderStage(findStage(ctx, findApi(ctx))) };
}

function updateStage(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const stage = findStage(ctx, api);
  const ops = patchOps(ctx, "updateStageInput");
  // Work on a copy so a failing operation leaves the stage untouched (AWS applies a patch all-or-nothing).
  const draft = structuredClone(stage);
  applyStagePatch(draft, ops, api);
  draft.lastUpdatedDate = ctx.gw.clock.now();
  api.stages[stage.stageName] = draft;
  ctx.gw.changed();
  return { status: 200, body: renderStage(draft) };
}

/** Removes the stage from every usage plan as well (AWS's exact behaviour is UNCONFIRMED). */
export function deleteStageEverywhere(ctx: OpContext, api: RestApi, stageName: string): void {
  delete api.stages[stageName];
  for (const plan of Object.values(ctx.gw.state.usagePlans)) {
    plan.apiStages = plan.apiStages.filter((s) => !(s.apiId === api.id && s.stage === stageName));
  }
}

function deleteStage(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const stage = findStage(ctx, api);
  deleteStageEverywhere(ctx, api, stage.stageName);
  ctx.gw.changed();
  return { status: 202 };
}

function flushStageCache(ctx: OpContext): Reply {
  findStage(ctx, findApi(ctx));
  return { status: 202 };
}

export const stageRoutes: RouteDef[] = [
  ["POST", "/restapis/{restapi_id}/stages", "CreateStage", createStage],
  ["GET", "/restapis/{restapi_id}/stages", "GetStages", getStages],
  ["GET", "/restapis/{restapi_id}/stages/{stage_name}", "GetStage", getStage],
  ["PATCH", "/restapis/{restapi_id}/stages/{stage_name}", "UpdateStage", updateStage],
  ["DELETE", "/restapis/{restapi_id}/stages/{stage_name}", "DeleteStage", deleteStage],
  ["DELETE", "/restapis/{restapi_id}/stages/{stage_name}/cache/data", "FlushStageCache", flushStageCache],
];
