// The whole emulated account as plain JSON-serialisable data: state.json is exactly this object.
// Times are epoch milliseconds internally; v1 renders them as epoch seconds, v2 as ISO-8601 strings.

export type IntegrationType = "HTTP" | "HTTP_PROXY" | "MOCK" | "AWS" | "AWS_PROXY";

export interface IntegrationResponse {
  statusCode: string;
  selectionPattern?: string;
  contentHandling?: string;
  responseTemplates?: Record<string, string>;
  responseParameters?: Record<string, string>;
}

export interface Integration {
  type: IntegrationType;
  /** Upstream method (wire name `httpMethod`, SDK `integrationHttpMethod`). */
  httpMethod?: string;
  /** May contain `${stageVariables.x}`, `{proxy}` and `{param}` placeholders. */
  uri?: string;
  requestTemplates?: Record<string, string>;
  requestParameters?: Record<string, string>;
  passthroughBehavior?: string;
  /** MOCK: the static reply, keyed by status code ("200" → responseTemplates). */
  integrationResponses?: Record<string, IntegrationResponse>;
  timeoutInMillis: number;
  cacheKeyParameters?: string[];
  cacheNamespace?: string;
  connectionType?: string;
  contentHandling?: string;
}

/** A method response (AWS MethodResponse): status code, header parameters (name → required), content type → model. */
export interface MethodResponse {
  statusCode: string;
  /** The OpenAPI response description (kept from the imported definition). */
  description?: string;
  responseParameters?: Record<string, boolean>;
  responseModels?: Record<string, string>;
}

export interface Method {
  httpMethod: string;
  authorizationType: string;
  apiKeyRequired: boolean;
  operationName?: string;
  authorizerId?: string;
  requestValidatorId?: string;
  requestParameters?: Record<string, boolean>;
  integration?: Integration;
  /** Content type → model name (AWS requestModels). */
  requestModels?: Record<string, string>;
  /** Status code → method response (AWS methodResponses). */
  methodResponses?: Record<string, MethodResponse>;
  /** Kept from the imported OpenAPI operation for the export (AWS keeps these as documentation parts). */
  summary?: string;
  description?: string;
  tags?: string[];
  requestBodyRequired?: boolean;
}

export interface Resource {
  id: string;
  /** Absent on the root resource. */
  parentId?: string;
  /** "" on the root resource. */
  pathPart: string;
  /** Full path: "/", "/pets", "/pets/{id}", "/{proxy+}". */
  path: string;
  /** Keyed by upper-case HTTP method or "ANY". */
  methods: Record<string, Method>;
}

/** path → METHOD → summary, as GetDeployment?embed=apisummary renders it. */
export type ApiSummary = Record<
  string,
  Record<string, { authorizationType: string; apiKeyRequired: boolean }>
>;

export interface Deployment {
  id: string;
  description?: string;
  createdDate: number;
  apiSummary: ApiSummary;
  /** Frozen copy of the API's resources (by id) at deploy time: the data plane serves these. */
  resources: Record<string, Resource>;
}

export interface MethodSetting {
  metricsEnabled: boolean;
  loggingLevel?: "OFF" | "ERROR" | "INFO";
  dataTraceEnabled: boolean;
  throttlingBurstLimit: number;
  throttlingRateLimit: number;
  cachingEnabled: boolean;
  cacheTtlInSeconds: number;
  cacheDataEncrypted: boolean;
  requireAuthorizationForCacheControl: boolean;
  unauthorizedCacheControlHeaderStrategy: string;
}

export interface CanarySettings {
  deploymentId: string;
  percentTraffic: number;
  stageVariableOverrides?: Record<string, string>;
  useStageCache: boolean;
}

export interface AccessLogSettings {
  format?: string;
  destinationArn?: string;
}

export type CacheClusterStatus =
  "CREATE_IN_PROGRESS" | "AVAILABLE" | "DELETE_IN_PROGRESS" | "NOT_AVAILABLE" | "FLUSH_IN_PROGRESS";

export interface Stage {
  stageName: string;
  deploymentId: string;
  description?: string;
  clientCertificateId?: string;
  documentationVersion?: string;
  variables: Record<string, string>;
  /** Keys are "*\/*" or "<resourcePath without leading slash, / as ~1>/<METHOD>" exactly as AWS renders them. */
  methodSettings: Record<string, MethodSetting>;
  cacheClusterEnabled: boolean;
  cacheClusterSize?: string;
  cacheClusterStatus: CacheClusterStatus;
  canarySettings?: CanarySettings;
  tracingEnabled: boolean;
  accessLogSettings?: AccessLogSettings;
  createdDate: number;
  lastUpdatedDate: number;
  tags: Record<string, string>;
}

export interface RestApi {
  id: string;
  name: string;
  description?: string;
  version?: string;
  createdDate: number;
  apiKeySource: "HEADER" | "AUTHORIZER";
  /** ipAddressType is absent in state files written before it existed (rendered as its default). */
  endpointConfiguration: { types: string[]; ipAddressType?: string };
  binaryMediaTypes?: string[];
  disableExecuteApiEndpoint: boolean;
  rootResourceId: string;
  tags: Record<string, string>;
  /** By resource id, in creation order. */
  resources: Record<string, Resource>;
  /** The API's own sub-resources (absent in state files written before they existed). */
  authorizers?: Record<string, Authorizer>;
  requestValidators?: Record<string, RequestValidator>;
  /** By model name (created with CreateModel or from components.schemas of an imported definition). */
  models?: Record<string, Model>;
  /** By response type (only the ones put on the API; the rest are AWS's defaults). */
  gatewayResponses?: Record<string, GatewayResponseDef>;
  documentationParts?: Record<string, DocumentationPart>;
  deployments: Record<string, Deployment>;
  stages: Record<string, Stage>;
}

export interface Authorizer {
  id: string;
  name: string;
  type: "TOKEN" | "REQUEST" | "COGNITO_USER_POOLS";
  providerARNs?: string[];
  authType?: string;
  authorizerUri?: string;
  authorizerCredentials?: string;
  identitySource?: string;
  identityValidationExpression?: string;
  authorizerResultTtlInSeconds?: number;
}

export interface RequestValidator {
  id: string;
  name: string;
  validateRequestBody: boolean;
  validateRequestParameters: boolean;
}

/** A model (AWS Model): a JSON schema (draft 4) as text, keyed by name on the API; AWS allows no schema. */
export interface Model {
  id: string;
  name: string;
  contentType: string;
  description?: string;
  schema?: string;
}

export interface GatewayResponseDef {
  responseType: string;
  statusCode?: string;
  responseParameters?: Record<string, string>;
  responseTemplates?: Record<string, string>;
}

export interface DocumentationPart {
  id: string;
  location: { type: string; path?: string; method?: string; statusCode?: string; name?: string };
  properties: string;
}

/** A custom domain name (GatewayState.domainNames) and its base path → stage mappings. */
export interface DomainName {
  domainName: string;
  certificateArn?: string;
  regionalCertificateArn?: string;
  endpointConfiguration: { types: string[]; ipAddressType?: string };
  securityPolicy: string;
  domainNameStatus: "AVAILABLE";
  createdDate: number;
  tags: Record<string, string>;
  /** By base path ("(none)" for the empty base path). */
  basePathMappings: Record<string, { basePath: string; restApiId: string; stage?: string }>;
}

export interface ApiKey {
  id: string;
  value: string;
  name: string;
  description?: string;
  customerId?: string;
  enabled: boolean;
  createdDate: number;
  lastUpdatedDate: number;
  /** "apiId/stage" (deprecated AWS feature, stored as given). */
  stageKeys: string[];
  tags: Record<string, string>;
}

export interface ThrottleSettings {
  burstLimit?: number;
  rateLimit?: number;
}

export type QuotaPeriod = "DAY" | "WEEK" | "MONTH";

export interface QuotaSettings {
  limit: number;
  offset: number;
  period: QuotaPeriod;
}

export interface ApiStage {
  apiId: string;
  stage: string;
  /** Per-method throttles keyed "<resourcePath>/<METHOD>", e.g. "/pets/GET"; the root is "//GET". */
  throttle?: Record<string, ThrottleSettings>;
}

export interface UsagePlan {
  id: string;
  name: string;
  description?: string;
  apiStages: ApiStage[];
  throttle?: ThrottleSettings;
  quota?: QuotaSettings;
  productCode?: string;
  tags: Record<string, string>;
}

/** planId → keyId → "YYYY-MM-DD" (UTC) → requests counted that day. */
export type UsageCounters = Record<string, Record<string, Record<string, number>>>;

/**
 * planId → keyId → quota-period start ("YYYY-MM-DD") → adjustment added to `limit - used` (set by UpdateUsage
 * `replace /remaining`).
 */
export type UsageAdjustments = Record<string, Record<string, Record<string, number>>>;

export interface RouteSettings {
  throttlingBurstLimit?: number;
  throttlingRateLimit?: number;
  detailedMetricsEnabled?: boolean;
  dataTraceEnabled?: boolean;
  loggingLevel?: "ERROR" | "INFO" | "OFF";
}

export interface V2Deployment {
  deploymentId: string;
  description?: string;
  autoDeployed: boolean;
  deploymentStatus: "PENDING" | "FAILED" | "DEPLOYED";
  deploymentStatusMessage?: string;
  createdDate: number;
}

export interface V2Stage {
  stageName: string;
  deploymentId?: string;
  description?: string;
  autoDeploy: boolean;
  apiGatewayManaged: boolean;
  clientCertificateId?: string;
  defaultRouteSettings: RouteSettings;
  /** Keyed by route key, e.g. "GET /pets". */
  routeSettings: Record<string, RouteSettings>;
  stageVariables: Record<string, string>;
  accessLogSettings?: AccessLogSettings;
  lastDeploymentStatusMessage?: string;
  createdDate: number;
  lastUpdatedDate: number;
  tags: Record<string, string>;
}

/** A v2 route (HTTP: "GET /pets" or "$default"; WebSocket: "$connect", "$disconnect", "$default" or a custom key). */
export interface V2Route {
  routeId: string;
  routeKey: string;
  /** "integrations/<integrationId>"; integrations themselves are not modelled. */
  target?: string;
  apiKeyRequired: boolean;
  authorizationType: "NONE" | "AWS_IAM" | "CUSTOM" | "JWT";
  authorizerId?: string;
  authorizationScopes?: string[];
  operationName?: string;
  routeResponseSelectionExpression?: string;
  modelSelectionExpression?: string;
  apiGatewayManaged?: boolean;
}

export interface V2Api {
  apiId: string;
  name: string;
  protocolType: "HTTP" | "WEBSOCKET";
  routeSelectionExpression: string;
  apiKeySelectionExpression: string;
  description?: string;
  version?: string;
  disableExecuteApiEndpoint: boolean;
  createdDate: number;
  tags: Record<string, string>;
  stages: Record<string, V2Stage>;
  deployments: Record<string, V2Deployment>;
  /** By route id (absent in state files written before routes existed). */
  routes?: Record<string, V2Route>;
}

export interface GatewayState {
  /** Bumped when the on-disk shape changes incompatibly. */
  version: 1;
  restApis: Record<string, RestApi>;
  apiKeys: Record<string, ApiKey>;
  usagePlans: Record<string, UsagePlan>;
  /** planId → key ids, in the order they were added. */
  planKeys: Record<string, string[]>;
  usage: UsageCounters;
  usageAdjustments: UsageAdjustments;
  v2Apis: Record<string, V2Api>;
  /** Custom domain names by name (absent in state files written before they existed). */
  domainNames?: Record<string, DomainName>;
  /** Tags of resources that have no tags field of their own, by ARN (e.g. future resource types). */
  tags: Record<string, Record<string, string>>;
}

export function emptyState(): GatewayState {
  return {
    version: 1,
    restApis: {},
    apiKeys: {},
    usagePlans: {},
    planKeys: {},
    usage: {},
    usageAdjustments: {},
    v2Apis: {},
    tags: {},
  };
}
