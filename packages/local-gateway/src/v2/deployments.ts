import type { OpContext } from "../context";
import { badRequest, notFound, type Reply } from "../http";
import type { RouteDef } from "../routes";
import type { V2Deployment } from "../state/types";
import { body, compact, newId, optString } from "../v1/common";
import { findV2Api, iso, pageV2 } from "./common";

function renderDeployment(d: V2Deployment): Record<string, unknown> {
  return compact({
    autoDeployed: d.autoDeployed,
    createdDate: iso(d.createdDate),
    deploymentId: d.deploymentId,
    deploymentStatus: d.deploymentStatus,
    deploymentStatusMessage: d.deploymentStatusMessage,
    description: d.description,
  });
}

function createDeployment(ctx: OpContext): Reply {
  const api = findV2Api(ctx);
  const b = body(ctx);
  const stageName = optString(b, "stageName");
  const stage = stageName ? api.stages[stageName] : undefined;
  if (stageName && !stage) throw notFound("Invalid stage identifier specified", { resourceType: "Stage" });
  if (stage?.autoDeploy)
    throw badRequest(`Stage ${stageName} has autoDeploy enabled: deployments to it are made automatically`);
  const now = ctx.gw.clock.now();
  const d: V2Deployment = compact({
    deploymentId: newId(6),
    description: optString(b, "description"),
    autoDeployed: false,
    deploymentStatus: "DEPLOYED",
    createdDate: now,
  });
  api.deployments[d.deploymentId] = d;
  if (stage) {
    stage.deploymentId = d.deploymentId;
    stage.lastUpdatedDate = now;
  }
  ctx.gw.changed();
  return { status: 201, body: renderDeployment(d) };
}

function getDeployments(ctx: OpContext): Reply {
  const { items, nextToken } = pageV2(ctx, Object.values(findV2Api(ctx).deployments));
  return { status: 200, body: compact({ items: items.map(renderDeployment), nextToken }) };
}

function getDeployment(ctx: OpContext): Reply {
  const d = findV2Api(ctx).deployments[ctx.params.deployment_id ?? ""];
  if (!d) throw notFound("Invalid Deployment identifier specified", { resourceType: "Deployment" });
  return { status: 200, body: renderDeployment(d) };
}

export const v2DeploymentRoutes: RouteDef[] = [
  ["POST", "/v2/apis/{api_id}/deployments", "CreateDeployment", createDeployment],
  ["GET", "/v2/apis/{api_id}/deployments", "GetDeployments", getDeployments],
  ["GET", "/v2/apis/{api_id}/deployments/{deployment_id}", "GetDeployment", getDeployment],
];
