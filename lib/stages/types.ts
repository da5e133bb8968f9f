/** DTOs of gateway state the console shows (plain data; lib/aws maps SDK objects to these). */

export type MethodSettingDto = {
  /** AWS's key: "*\/*" or "~1pets/GET". */
  key: string;
  throttlingRateLimit: number | null;
  throttlingBurstLimit: number | null;
  cachingEnabled: boolean;
  cacheTtlInSeconds: number | null;
  metricsEnabled: boolean;
  loggingLevel: "OFF" | "ERROR" | "INFO";
};

export type CanaryDto = {
  deploymentId: string;
  percentTraffic: number;
  stageVariableOverrides: Record<string, string>;
  useStageCache: boolean;
};

export type RestStageDto = {
  restApiId: string;
  stageName: string;
  description: string | null;
  deploymentId: string;
  variables: Record<string, string>;
  methodSettings: MethodSettingDto[];
  cacheClusterEnabled: boolean;
  cacheClusterSize: string | null;
  cacheClusterStatus: string | null;
  tracingEnabled: boolean;
  canary: CanaryDto | null;
  createdDate: string | null;
  lastUpdatedDate: string | null;
};

export type DeploymentDto = { id: string; description: string | null; createdDate: string | null };

export type ApiKind = "REST" | "HTTP" | "WEBSOCKET";
export type ApiSummaryDto = {
  id: string;
  kind: ApiKind;
  name: string;
  description: string | null;
  createdDate: string | null;
  endpoint: string;
  tags: Record<string, string>;
  stages: string[];
  /** Stages with a canary release running (REST only). */
  canaryStages: string[];
};

export type RouteSettingsDto = {
  throttlingRateLimit: number | null;
  throttlingBurstLimit: number | null;
  detailedMetricsEnabled: boolean;
};

export type HttpStageDto = {
  apiId: string;
  stageName: string;
  description: string | null;
  deploymentId: string | null;
  autoDeploy: boolean;
  variables: Record<string, string>;
  defaultRouteSettings: RouteSettingsDto;
  routeSettings: Record<string, RouteSettingsDto>;
  lastUpdatedDate: string | null;
  createdDate: string | null;
};

/** A route of an HTTP or WebSocket API (GetRoutes), as the API page shows it. */
export type V2RouteDto = {
  id: string;
  routeKey: string;
  /** "integrations/<id>", or null for a route without a target (WebSocket routes may have none). */
  target: string | null;
  apiKeyRequired: boolean;
  authorizationType: string;
};
