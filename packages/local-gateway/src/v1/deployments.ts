import type { OpContext } from "../context";
import { badRequest, notFound, type Reply } from "../http";
import type { RouteDef } from "../routes";
import type { ApiSummary, Deployment, Resource, RestApi } from "../state/types";
import {
  body,
  checkStageName,
  compact,
  epochSeconds,
  findApi,
  listBody,
  newId,
  optBool,
  optNumber,
  optString,
  optStringMap,
  patchOps,
} from "./common";
import { checkCacheSize, newStage, checkVariables } from "./stages";

export function renderDeployment(d: Deployment, withSummary: boolean): Record<string, unknown> {
  return compact({
    id: d.id,
    description: d.description,
    createdDate: epochSeconds(d.createdDate),
    apiSummary: withSummary ? d.apiSummary : undefined,
  });
}

export function findDeployment(api: RestApi, id: string): Deployment {
  const d = api.deployments[id];
  if (!d) throw notFound("Invalid Deployment identifier specified");
  return d;
}

/** Deep copy of the API's resources: later edits to the API must not change what a deployment serves. */
function freeze(api: RestApi): { resources: Record<string, Resource>; apiSummary: ApiSummary } {
  const resources = structuredClone(api.resources);
  const apiSummary: ApiSummary = {};
  for (const r of Object.values(resources)) {
    const methods = Object.values(r.methods);
    if (methods.length === 0) continue;
    apiSummary[r.path] = Object.fromEntries(
      methods.map((m) => [
        m.httpMethod,
        { authorizationType: m.authorizationType, apiKeyRequired: m.apiKeyRequired },
      ]),
    );
  }
  return { resources, apiSummary };
}

const CANARY_PREFIX = "Invalid deployment content specified.";

function createDeployment(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const b = body(ctx);
  const stageName = b.stageName;
  if (stageName !== undefined && stageName !== null && typeof stageName !== "string")
    throw badRequest("Invalid stageName: must be a string");
  const canary = b.canarySettings as Record<string, unknown> | undefined | null;

  const methods = Object.values(api.resources).flatMap((r) => Object.values(r.methods));
  if (methods.length === 0) throw badRequest("The REST API doesn't contain any methods");
  if (methods.some((m) => !m.integration)) throw badRequest("No integration defined for method");

  if (canary) {
    if (typeof stageName !== "string" || stageName === "") {
      throw badRequest(
        `${CANARY_PREFIX}Non null and non empty stageName must be provided for canary deployment. Provided value is ${stageName === "" ? "" : "null"}`,
      );
    }
    if (!api.stages[stageName]) {
      throw badRequest(
        `${CANARY_PREFIX}Stage ${stageName} must already be created before making a canary release deployment`,
      );
    }
  }
  const percentTraffic = canary ? (optNumber(canary, "percentTraffic") ?? 0) : 0;
  if (percentTraffic < 0 || percentTraffic > 100)
    throw badRequest("Canary weight must be between 0.0 and 100.0");
  const overrides = canary ? optStringMap(canary, "stageVariableOverrides") : undefined;
  if (overrides) checkVariables(overrides);
  const variables = optStringMap(b, "variables");
  if (variables) checkVariables(variables);
  const cacheClusterSize = optString(b, "cacheClusterSize");
  if (cacheClusterSize !== undefined) checkCacheSize(cacheClusterSize);
  if (typeof stageName === "string" && stageName !== "") checkStageName(stageName);

  const now = ctx.gw.clock.now();
  const deployment: Deployment = compact({
    id: newId(6),
    description: optString(b, "description"),
    createdDate: now,
    ...freeze(api),
  });
  api.deployments[deployment.id] = deployment;

  if (typeof stageName === "string" && stageName !== "") {
    const stage = api.stages[stageName];
    if (canary && stage) {
      // LS-validated: the stage keeps its deploymentId; the canary (replacing any earlier one) gets the new one.
      stage.canarySettings = compact({
        deploymentId: deployment.id,
        percentTraffic,
        stageVariableOverrides: overrides,
        useStageCache: optBool(canary, "useStageCache") ?? false,
      });
      stage.lastUpdatedDate = now;
    } else if (stage) {
      // UNCONFIRMED for AWS; like LocalStack, a plain deployment moves the base and ends any canary.
      stage.deploymentId = deployment.id;
      delete stage.canarySettings;
      // UNCONFIRMED whether variables merge or replace; we merge (new values win).
      if (variables) stage.variables = { ...stage.variables, ...variables };
      stage.lastUpdatedDate = now;
    } else {
      api.stages[stageName] = newStage(now, {
        stageName,
        deploymentId: deployment.id,
        description: optString(b, "stageDescription"),
        variables: variables ?? {},
        cacheClusterEnabled: optBool(b, "cacheClusterEnabled") ?? false,
        cacheClusterSize,
        tracingEnabled: optBool(b, "tracingEnabled") ?? false,
      });
    }
  }
  ctx.gw.changed();
  return { status: 201, body: renderDeployment(deployment, false) };
}

function getDeployments(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const all = Object.values(api.deployments).map((d) => renderDeployment(d, false));
  return { status: 200, body: listBody(ctx, all) };
}

function getDeployment(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const d = findDeployment(api, ctx.params.deployment_id ?? "");
  const embed = ctx.query.getAll("embed").some((e) => e.toLowerCase() === "apisummary");
  return { status: 200, body: renderDeployment(d, embed) };
}

function deleteDeployment(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const d = findDeployment(api, ctx.params.deployment_id ?? "");
  const inUse = Object.values(api.stages).some(
    (s) => s.deploymentId === d.id || s.canarySettings?.deploymentId === d.id,
  );
  if (inUse) throw badRequest("Active stages pointing to this deployment must be moved or deleted");
  delete api.deployments[d.id];
  ctx.gw.changed();
  return { status: 202 };
}

/** UpdateDeployment: only the description can change (a deployment is an immutable snapshot). */
function updateDeployment(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const d = findDeployment(api, ctx.params.deployment_id ?? "");
  let description = d.description;
  for (const p of patchOps(ctx, "updateDeploymentInput")) {
    if (p.op !== "replace" || p.path !== "/description")
      throw badRequest(
        `Invalid patch path  '${p.path}' specified for op '${p.op}'. Must be one of: [/description]`,
      );
    description = p.value;
  }
  api.deployments[d.id] = compact({ ...d, description });
  ctx.gw.changed();
  return { status: 200, body: renderDeployment(api.deployments[d.id]!, false) };
}

export const deploymentRoutes: RouteDef[] = [
  ["PATCH", "/restapis/{restapi_id}/deployments/{deployment_id}", "UpdateDeployment", updateDeployment],
  ["POST", "/restapis/{restapi_id}/deployments", "CreateDeployment", createDeployment],
  ["GET", "/restapis/{restapi_id}/deployments", "GetDeployments", getDeployments],
  ["GET", "/restapis/{restapi_id}/deployments/{deployment_id}", "GetDeployment", getDeployment],
  ["DELETE", "/restapis/{restapi_id}/deployments/{deployment_id}", "DeleteDeployment", deleteDeployment],
];
