import type { RouteDef } from "../routes";
import { apiKeyRoutes } from "./api-keys";
import { apiPartRoutes } from "./api-parts/index";
import { domainNameRoutes } from "./domain-names";
import { methodResponseRoutes } from "./method-responses";
import { deploymentRoutes } from "./deployments";
import { openApiRoutes } from "./openapi-export";
import { planKeyRoutes } from "./plan-keys";
import { resourceMethodRoutes } from "./resources-methods";
import { restApiRoutes } from "./rest-apis";
import { stageRoutes } from "./stages";
import { tagAccountRoutes } from "./tags";
import { usageRoutes } from "./usage";
import { usagePlanRoutes } from "./usage-plans";

/** Every API Gateway v1 operation, by path. Routes with a required query (mode=import) come before their twins. */
export const v1Routes: readonly RouteDef[] = [
  ...openApiRoutes,
  ...restApiRoutes,
  ...resourceMethodRoutes,
  ...methodResponseRoutes,
  ...apiPartRoutes,
  ...domainNameRoutes,
  ...deploymentRoutes,
  ...stageRoutes,
  ...apiKeyRoutes,
  ...usagePlanRoutes,
  ...planKeyRoutes,
  ...usageRoutes,
  ...tagAccountRoutes,
];
