/**
 * What the demo account contains: the OpenAPI documents imported for the REST APIs, the usage-plan tiers and the
 * default tenants. Integration URIs keep a literal `http://` (AWS requires it) and take the host from the
 * `upstream` stage variable and the route version from `version`, so the canary can point at v2.
 */

export const TENANT_TAG = "tollgate:tenant";
export const DEMO_TAG = "tollgate:demo";

export const PAYMENTS_API = "payments";
export const WEATHER_API = "weather";
export const HTTP_API = "notifications";
export const WEBSOCKET_API = "live-updates";

export interface DemoTenant {
  id: string;
  name: string;
  /** Usage-plan tier; by default tenants are spread over Bronze, Silver and Gold in order. */
  plan?: TierName;
}

export const DEFAULT_TENANTS: readonly DemoTenant[] = [
  { id: "acme-travel", name: "Acme Travel", plan: "Gold" },
  { id: "globex-retail", name: "Globex Retail", plan: "Silver" },
  { id: "initech", name: "Initech", plan: "Bronze" },
];

export type TierName = "Bronze" | "Silver" | "Gold";

export const TIERS: readonly {
  name: TierName;
  description: string;
  throttle: { rateLimit: number; burstLimit: number };
  quota: { limit: number; offset: number; period: "DAY" | "MONTH" };
}[] = [
  {
    name: "Bronze",
    description: "Entry tier: 5 requests/s (burst 10), 10,000 requests a day",
    throttle: { rateLimit: 5, burstLimit: 10 },
    quota: { limit: 10_000, offset: 0, period: "DAY" },
  },
  {
    name: "Silver",
    description: "20 requests/s (burst 40), 100,000 requests a month",
    throttle: { rateLimit: 20, burstLimit: 40 },
    quota: { limit: 100_000, offset: 0, period: "MONTH" },
  },
  {
    name: "Gold",
    description: "100 requests/s (burst 200), 1,000,000 requests a month",
    throttle: { rateLimit: 100, burstLimit: 200 },
    quota: { limit: 1_000_000, offset: 0, period: "MONTH" },
  },
];

function proxyOperation(
  method: string,
  upstreamPath: string,
  pathParams: readonly string[] = [],
): Record<string, unknown> {
  return {
    security: [{ api_key: [] }],
    parameters: pathParams.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
    responses: { "200": { description: "Upstream response" } },
    "x-amazon-apigateway-integration": {
      type: "http_proxy",
      httpMethod: method,
      uri: `http://\${stageVariables.upstream}/\${stageVariables.version}${upstreamPath}`,
      passthroughBehavior: "when_no_match",
      requestParameters: Object.fromEntries(
        pathParams.map((p) => [`integration.request.path.${p}`, `method.request.path.${p}`]),
      ),
    },
  };
}

/**
 * A one-route API for tests of canaries and rollouts: GET /items proxies to the demo upstream's
 * `/${version}/payments`, with no API key, so the `version` stage variable (or a canary override) picks v1/v2/v3.
 */
export function versionedItemsOpenApi(title: string): Record<string, unknown> {
  const op = proxyOperation("GET", "/payments") as { security?: unknown };
  delete op.security;
  return { openapi: "3.0.1", info: { title, version: "1.0.0" }, paths: { "/items": { get: op } } };
}

const API_KEY_SCHEME = { api_key: { type: "apiKey", name: "x-api-key", in: "header" } };

export const PAYMENTS_OPENAPI = {
  openapi: "3.0.1",
  info: { title: PAYMENTS_API, version: "1.0.0", description: "Demo payments API (Tollgate local gateway)" },
  paths: {
    "/payments": { get: proxyOperation("GET", "/payments"), post: proxyOperation("POST", "/payments") },
    "/payments/{paymentId}": { get: proxyOperation("GET", "/payments/{paymentId}", ["paymentId"]) },
    "/refunds": {
      post: proxyOperation("POST", "/payments/refunds"),
    },
    "/health": {
      get: {
        responses: { "200": { description: "Always up" } },
        "x-amazon-apigateway-integration": {
          type: "mock",
          requestTemplates: { "application/json": '{"statusCode": 200}' },
          responses: {
            default: { statusCode: "200", responseTemplates: { "application/json": '{"status":"ok"}' } },
          },
        },
      },
    },
  },
  components: { securitySchemes: API_KEY_SCHEME },
};

export const WEATHER_OPENAPI = {
  openapi: "3.0.1",
  info: { title: WEATHER_API, version: "1.0.0", description: "Demo weather API (Tollgate local gateway)" },
  paths: {
    "/forecast": { get: proxyOperation("GET", "/forecast") },
    "/forecast/{city}": { get: proxyOperation("GET", "/forecast/{city}", ["city"]) },
  },
  components: { securitySchemes: API_KEY_SCHEME },
};
