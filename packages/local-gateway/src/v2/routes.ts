import type { RouteDef } from "../routes";
import { v2RouteRoutes } from "./api-routes";
import { v2ApiRoutes } from "./apis";
import { v2DeploymentRoutes } from "./deployments";
import { v2StageRoutes } from "./stages";

/**
 * API Gateway v2 operations. Their names repeat v1's (CreateStage, CreateDeployment, …), so faults and control
 * limits keyed by name apply to both.
 */
export const v2Routes: readonly RouteDef[] = [
  ...v2ApiRoutes,
  ...v2StageRoutes,
  ...v2DeploymentRoutes,
  ...v2RouteRoutes,
];
