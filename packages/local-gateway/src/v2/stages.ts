import type { OpContext } from "../context";
import { badRequest, conflict, notFound, type Reply } from "../http";
import type { RouteDef } from "../routes";
import type { AccessLogSettings, V2Api, V2Deployment, V2Stage } from "../state/types";
import { body, compact, newId, optBool, optString, optStringMap } from "../v1/common";
import {
  findV2Api,
  findV2Stage,
  iso,
  pageV2,
  parseRouteSettings,
  parseRouteSettingsMap,
  parseStageVariables,
} from "./common";

/** moto's default (UNCONFIRMED for AWS): a new stage's defaultRouteSettings. */
const DEFAULT_ROUTE_SETTINGS = { detailedMetricsEnabled: false };

export function renderV2Stage(s: V2Stage): Record<string, unknown> {
  return compact({
    stageName: s.stageName,
    deploymentId: s.deploymentId,
    description: s.description,
    autoDeploy: s.autoDeploy,
    apiGatewayManaged: s.apiGatewayManaged || undefined,
    clientCertificateId: s.clientCertificateId,
    defaultRouteSettings: s.defaultRouteSettings,
    routeSettings: s.routeSettings,
    stageVariables: s.stageVariables,
    accessLogSettings: s.accessLogSettings,
    lastDeploymentStatusMessage: s.lastDeploymentStatusMessage,
    createdDate: iso(s.createdDate),
    lastUpdatedDate: iso(s.lastUpdatedDate),
    tags: s.tags,
  });
}

/** An automatic deployment for an autoDeploy stage; returns its id. */
export function autoDeploy(api: V2Api, stage: V2Stage, now: number): string {
  const d: V2Deployment = {
    deploymentId: newId(6),
    autoDeployed: true,
    deploymentStatus: "DEPLOYED",
    createdDate: now,
  };
  api.deployments[d.deploymentId] = d;
  stage.deploymentId = d.deploymentId;
  stage.lastDeploymentStatusMessage = `Successfully deployed stage with deployment ID '${d.deploymentId}'`;
  return d.deploymentId;
}

export function createManagedDefaultStage(api: V2Api, now: number): void {
  const stage: V2Stage = {
    stageName: "$default",
    autoDeploy: true,
    apiGatewayManaged: true,
    defaultRouteSettings: { ...DEFAULT_ROUTE_SETTINGS },
    routeSettings: {},
    stageVariables: {},
    createdDate: now,
    lastUpdatedDate: now,
    tags: {},
  };
  autoDeploy(api, stage, now);
  api.stages.$default = stage;
}

function parseAccessLog(raw: unknown): AccessLogSettings | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== "object" || Array.isArray(raw))
    throw badRequest("Invalid accessLogSettings: must be an object");
  const o = raw as Record<string, unknown>;
  return compact({ destinationArn: optString(o, "destinationArn"), format: optString(o, "format") });
}

function requireDeployment(api: V2Api, id: string): void {
  if (!api.deployments[id])
    throw notFound("Invalid Deployment identifier specified", { resourceType: "Deployment" });
}

function createStage(ctx: OpContext): Reply {
  const api = findV2Api(ctx);
  const b = body(ctx);
  const stageName = optString(b, "stageName");
  if (!stageName || !/^(\$default|[A-Za-z0-9_-]{1,128})$/.test(stageName)) {
    throw badRequest("Invalid stage name specified: use [A-Za-z0-9_-] (at most 128 characters) or $default");
  }
  if (api.stages[stageName]) throw conflict("Stage already exists");
  const autoDeployOn = optBool(b, "autoDeploy") ?? false;
  if (autoDeployOn && api.protocolType !== "HTTP")
    throw badRequest("autoDeploy is supported for HTTP APIs only");
  const deploymentId = optString(b, "deploymentId");
  if (deploymentId) requireDeployment(api, deploymentId);
  const now = ctx.gw.clock.now();
  const stage: V2Stage = compact({
    stageName,
    deploymentId,
    description: optString(b, "description"),
    autoDeploy: autoDeployOn,
    apiGatewayManaged: false,
    clientCertificateId: optString(b, "clientCertificateId"),
    defaultRouteSettings: {
      ...DEFAULT_ROUTE_SETTINGS,
      ...(b.defaultRouteSettings === undefined
        ? {}
        : parseRouteSettings(b.defaultRouteSettings, "defaultRouteSettings")),
    },
    routeSettings: b.routeSettings === undefined ? {} : parseRouteSettingsMap(b.routeSettings),
    stageVariables: b.stageVariables === undefined ? {} : parseStageVariables(b.stageVariables),
    accessLogSettings: parseAccessLog(b.accessLogSettings),
    createdDate: now,
    lastUpdatedDate: now,
    tags: optStringMap(b, "tags") ?? {},
  });
  if (autoDeployOn && !deploymentId) autoDeploy(api, stage, now);
  api.stages[stageName] = stage;
  ctx.gw.changed();
  return { status: 201, body: renderV2Stage(stage) };
}

function getStages(ctx: OpContext): Reply {
  const { items, nextToken } = pageV2(ctx, Object.values(findV2Api(ctx).stages));
  return { status: 200, body: compact({ items: items.map(renderV2Stage), nextToken }) };
}

function getStage(ctx: OpContext): Reply {
  return { status: 200, body: renderV2Stage(findV2Stage(ctx, findV2Api(ctx))) };
}

/** UpdateStage takes a plain partial document (not JSON Patch); maps are merged key by key. */
function updateStage(ctx: OpContext): Reply {
  const api = findV2Api(ctx);
  const stage = findV2Stage(ctx, api);
  if (stage.apiGatewayManaged)
    throw badRequest("The $default stage is managed by API Gateway and cannot be modified");
  const b = body(ctx);
  const draft = structuredClone(stage);
  if (b.autoDeploy !== undefined) {
    draft.autoDeploy = optBool(b, "autoDeploy") ?? false;
    if (draft.autoDeploy && api.protocolType !== "HTTP")
      throw badRequest("autoDeploy is supported for HTTP APIs only");
  }
  const deploymentId = optString(b, "deploymentId");
  if (deploymentId !== undefined) {
    if (draft.autoDeploy)
      throw badRequest("Deployment id cannot be updated when autoDeploy is enabled on the stage");
    requireDeployment(api, deploymentId);
    draft.deploymentId = deploymentId;
  }
  if (b.description !== undefined) draft.description = optString(b, "description");
  if (b.clientCertificateId !== undefined) draft.clientCertificateId = optString(b, "clientCertificateId");
  if (b.accessLogSettings !== undefined) draft.accessLogSettings = parseAccessLog(b.accessLogSettings);
  if (b.defaultRouteSettings !== undefined) {
    draft.defaultRouteSettings = {
      ...draft.defaultRouteSettings,
      ...parseRouteSettings(b.defaultRouteSettings, "defaultRouteSettings"),
    };
  }
  if (b.routeSettings !== undefined) {
    for (const [key, settings] of Object.entries(parseRouteSettingsMap(b.routeSettings))) {
      draft.routeSettings[key] = { ...draft.routeSettings[key], ...settings };
    }
  }
  if (b.stageVariables !== undefined) {
    // An empty value removes the variable (UNCONFIRMED for AWS; it keeps the merge able to delete).
    for (const [k, v] of Object.entries(parseStageVariables(b.stageVariables))) {
      if (v === "") delete draft.stageVariables[k];
      else draft.stageVariables[k] = v;
    }
  }
  const now = ctx.gw.clock.now();
  if (draft.autoDeploy && !stage.autoDeploy) autoDeploy(api, draft, now);
  draft.lastUpdatedDate = now;
  api.stages[stage.stageName] = compact(draft);
  ctx.gw.changed();
  return { status: 200, body: renderV2Stage(draft) };
}

function deleteStage(ctx: OpContext): Reply {
  const api = findV2Api(ctx);
  const stage = findV2Stage(ctx, api);
  delete api.stages[stage.stageName];
  ctx.gw.changed();
  return { status: 204 };
}

export const v2StageRoutes: RouteDef[] = [
  ["POST", "/v2/apis/{api_id}/stages", "CreateStage", createStage],
  ["GET", "/v2/apis/{api_id}/stages", "GetStages", getStages],
  ["GET", "/v2/apis/{api_id}/stages/{stage_name}", "GetStage", getStage],
  ["PATCH", "/v2/apis/{api_id}/stages/{stage_name}", "UpdateStage", updateStage],
  ["DELETE", "/v2/apis/{api_id}/stages/{stage_name}", "DeleteStage", deleteStage],
];
