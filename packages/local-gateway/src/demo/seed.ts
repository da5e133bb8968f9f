/**
 * Seeds the demo account through the AWS SDK only (so it works against the Local Gateway or a real account):
 * REST "payments" (ImportRestApi, dev + prod, a 10 % canary on prod with version=v2) and "weather", an HTTP API and
 * a WebSocket API, usage plans Bronze/Silver/Gold bound to the REST stages, and one key per tenant
 * (customerId = tenant id, tag tollgate:tenant). Idempotent: everything is looked up by name first.
 *
 * Returns the key VALUES because the traffic generator needs them; the CLI prints ids only.
 * CLI: tsx packages/local-gateway/src/demo/seed.ts [--endpoint http://127.0.0.1:4566] [--upstream http://127.0.0.1:4580]
 */

import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import {
  APIGatewayClient,
  CreateApiKeyCommand,
  CreateDeploymentCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  GetApiKeysCommand,
  GetRestApisCommand,
  GetStagesCommand,
  GetUsagePlansCommand,
  ImportRestApiCommand,
  UpdateStageCommand,
  UpdateUsagePlanCommand,
  type Stage,
  type UsagePlan,
} from "@aws-sdk/client-api-gateway";
import {
  ApiGatewayV2Client,
  CreateApiCommand,
  CreateRouteCommand,
  GetRoutesCommand,
  CreateStageCommand as CreateV2StageCommand,
  GetApisCommand,
  GetStagesCommand as GetV2StagesCommand,
} from "@aws-sdk/client-apigatewayv2";
import {
  DEFAULT_TENANTS,
  DEMO_TAG,
  type DemoTenant,
  HTTP_API,
  PAYMENTS_API,
  PAYMENTS_OPENAPI,
  TENANT_TAG,
  TIERS,
  type TierName,
  WEATHER_API,
  WEATHER_OPENAPI,
  WEBSOCKET_API,
} from "./definitions";

export interface SeedOptions {
  endpoint: string;
  /** Base URL of the demo upstream, e.g. http://127.0.0.1:4580. */
  upstreamUrl: string;
  tenants?: readonly DemoTenant[];
  region?: string;
}

export interface SeededKey {
  tenantId: string;
  keyId: string;
  /** Secret: for the traffic generator only, never printed. */
  value: string;
  plan: TierName;
}

export interface SeedResult {
  restApis: { payments: string; weather: string };
  httpApiId: string;
  webSocketApiId: string;
  usagePlans: Record<TierName, string>;
  keys: SeededKey[];
}

const credentials = { accessKeyId: "test", secretAccessKey: "test" };
const demoTags = { [DEMO_TAG]: "true" };

async function ensureRestApi(client: APIGatewayClient, name: string, doc: unknown): Promise<string> {
  const apis = await client.send(new GetRestApisCommand({ limit: 500 }));
  const found = apis.items?.find((a) => a.name === name);
  if (found?.id) return found.id;
  const created = await client.send(
    new ImportRestApiCommand({ body: new TextEncoder().encode(JSON.stringify(doc)), failOnWarnings: true }),
  );
  return created.id as string;
}

async function ensureStage(
  client: APIGatewayClient,
  restApiId: string,
  stageName: string,
  variables: Record<string, string>,
): Promise<Stage> {
  const stages = await client.send(new GetStagesCommand({ restApiId }));
  const found = stages.item?.find((s) => s.stageName === stageName);
  if (found === undefined) {
    await client.send(
      new CreateDeploymentCommand({ restApiId, stageName, variables, description: `${stageName} release` }),
    );
    await client.send(
      new UpdateStageCommand({
        restApiId,
        stageName,
        patchOperations: [{ op: "replace", path: "/*/*/metrics/enabled", value: "true" }],
      }),
    );
  } else {
    // A restarted upstream may listen elsewhere: keep the variables pointing at it.
    const stale = Object.entries(variables).filter(([k, v]) => found.variables?.[k] !== v);
    if (stale.length > 0) {
      await client.send(
        new UpdateStageCommand({
          restApiId,
          stageName,
          patchOperations: stale.map(([k, v]) => ({ op: "replace", path: `/variables/${k}`, value: v })),
        }),
      );
    }
  }
  const after = await client.send(new GetStagesCommand({ restApiId }));
  return after.item?.find((s) => s.stageName === stageName) as Stage;
}

async function ensureCanary(client: APIGatewayClient, restApiId: string, stage: Stage): Promise<void> {
  if (stage.canarySettings !== undefined) return;
  await client.send(
    new CreateDeploymentCommand({
      restApiId,
      stageName: stage.stageName,
      description: "v2 canary",
      canarySettings: { percentTraffic: 10, stageVariableOverrides: { version: "v2" } },
    }),
  );
}

async function ensurePlans(
  client: APIGatewayClient,
  stages: readonly { apiId: string; stage: string }[],
): Promise<Record<TierName, string>> {
  const existing = await client.send(new GetUsagePlansCommand({ limit: 500 }));
  const ids = {} as Record<TierName, string>;
  for (const tier of TIERS) {
    let plan: UsagePlan | undefined = existing.items?.find((p) => p.name === tier.name);
    if (plan === undefined) {
      plan = await client.send(
        new CreateUsagePlanCommand({
          name: tier.name,
          description: tier.description,
          throttle: tier.throttle,
          quota: tier.quota,
          apiStages: [...stages],
          tags: demoTags,
        }),
      );
    } else {
      const missing = stages.filter(
        (s) => !plan?.apiStages?.some((a) => a.apiId === s.apiId && a.stage === s.stage),
      );
      if (missing.length > 0) {
        await client.send(
          new UpdateUsagePlanCommand({
            usagePlanId: plan.id,
            patchOperations: missing.map((s) => ({
              op: "add",
              path: "/apiStages",
              value: `${s.apiId}:${s.stage}`,
            })),
          }),
        );
      }
    }
    ids[tier.name] = plan.id as string;
  }
  return ids;
}

async function ensureKey(
  client: APIGatewayClient,
  tenant: DemoTenant,
  tier: TierName,
  plans: Record<TierName, string>,
): Promise<SeededKey> {
  const keys = await client.send(
    new GetApiKeysCommand({ customerId: tenant.id, includeValues: true, limit: 500 }),
  );
  let key = keys.items?.find((k) => k.tags?.[TENANT_TAG] === tenant.id);
  if (key === undefined) {
    key = await client.send(
      new CreateApiKeyCommand({
        name: `${tenant.name} demo key`,
        description: `Demo key for ${tenant.name}`,
        enabled: true,
        customerId: tenant.id,
        tags: { ...demoTags, [TENANT_TAG]: tenant.id },
      }),
    );
  }
  const keyId = key.id as string;
  // A key may be in only one plan per API stage: leave it where an earlier run put it.
  const inPlans = await client.send(new GetUsagePlansCommand({ keyId, limit: 500 }));
  const current = inPlans.items?.find((p) => Object.values(plans).includes(p.id as string));
  if (current === undefined) {
    await client.send(new CreateUsagePlanKeyCommand({ usagePlanId: plans[tier], keyId, keyType: "API_KEY" }));
  }
  const plan =
    current === undefined
      ? tier
      : ((Object.entries(plans).find(([, id]) => id === current.id)?.[0] ?? tier) as TierName);
  return { tenantId: tenant.id, keyId, value: key.value as string, plan };
}

const DEMO_ROUTES: Record<"HTTP" | "WEBSOCKET", [string, boolean][]> = {
  HTTP: [
    ["POST /notifications", false],
    ["GET /notifications/{id}", false],
  ],
  WEBSOCKET: [
    // API keys on a WebSocket API are checked when the connection opens.
    ["$connect", true],
    ["$disconnect", false],
    ["sendMessage", false],
  ],
};

async function ensureV2Api(
  client: ApiGatewayV2Client,
  name: string,
  protocolType: "HTTP" | "WEBSOCKET",
  stageName: string,
): Promise<string> {
  const apis = await client.send(new GetApisCommand({ MaxResults: "500" }));
  let apiId = apis.Items?.find((a) => a.Name === name)?.ApiId;
  if (apiId === undefined) {
    const created = await client.send(
      new CreateApiCommand({
        Name: name,
        ProtocolType: protocolType,
        RouteSelectionExpression: protocolType === "WEBSOCKET" ? "$request.body.action" : undefined,
        Tags: demoTags,
      }),
    );
    apiId = created.ApiId as string;
  }
  // A few routes, so the console's API page has something to show (CreateRoute; the targets are illustrative).
  const routes = await client.send(new GetRoutesCommand({ ApiId: apiId, MaxResults: "500" }));
  const have = new Set((routes.Items ?? []).map((r) => r.RouteKey));
  for (const [routeKey, apiKeyRequired] of DEMO_ROUTES[protocolType])
    if (!have.has(routeKey))
      await client.send(
        new CreateRouteCommand({
          ApiId: apiId,
          RouteKey: routeKey,
          Target: `integrations/${routeKey.replace(/[^A-Za-z0-9]/g, "").toLowerCase() || "default"}`,
          ApiKeyRequired: apiKeyRequired,
        }),
      );
  const stages = await client.send(new GetV2StagesCommand({ ApiId: apiId }));
  if (!stages.Items?.some((s) => s.StageName === stageName)) {
    // AWS supports autoDeploy on HTTP APIs only.
    const autoDeploy = protocolType === "HTTP" ? true : undefined;
    await client.send(
      new CreateV2StageCommand({
        ApiId: apiId,
        StageName: stageName,
        AutoDeploy: autoDeploy,
        Tags: demoTags,
      }),
    );
  }
  return apiId;
}

export async function seedDemo(options: SeedOptions): Promise<SeedResult> {
  const config = { region: options.region ?? "us-east-1", endpoint: options.endpoint, credentials };
  const v1 = new APIGatewayClient(config);
  const v2 = new ApiGatewayV2Client(config);
  try {
    const upstream = new URL(options.upstreamUrl).host;
    const payments = await ensureRestApi(v1, PAYMENTS_API, PAYMENTS_OPENAPI);
    const weather = await ensureRestApi(v1, WEATHER_API, WEATHER_OPENAPI);
    await ensureStage(v1, payments, "dev", { upstream, version: "v2" });
    const prod = await ensureStage(v1, payments, "prod", { upstream, version: "v1" });
    await ensureCanary(v1, payments, prod);
    await ensureStage(v1, weather, "prod", { upstream, version: "v1" });
    const usagePlans = await ensurePlans(v1, [
      { apiId: payments, stage: "prod" },
      { apiId: payments, stage: "dev" },
      { apiId: weather, stage: "prod" },
    ]);
    const tenants = options.tenants ?? DEFAULT_TENANTS;
    const keys: SeededKey[] = [];
    for (const [i, tenant] of tenants.entries()) {
      const tier = tenant.plan ?? (TIERS[i % TIERS.length]?.name as TierName);
      keys.push(await ensureKey(v1, tenant, tier, usagePlans));
    }
    const httpApiId = await ensureV2Api(v2, HTTP_API, "HTTP", "prod");
    const webSocketApiId = await ensureV2Api(v2, WEBSOCKET_API, "WEBSOCKET", "prod");
    return { restApis: { payments, weather }, httpApiId, webSocketApiId, usagePlans, keys };
  } finally {
    v1.destroy();
    v2.destroy();
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const { values } = parseArgs({
    options: {
      endpoint: { type: "string", default: process.env.AWS_ENDPOINT_URL ?? "http://127.0.0.1:4566" },
      upstream: { type: "string", default: "http://127.0.0.1:4580" },
    },
  });
  const result = await seedDemo({ endpoint: values.endpoint, upstreamUrl: values.upstream });
  // Ids only: key values stay out of terminals and logs.
  console.log(
    JSON.stringify(
      { ...result, keys: result.keys.map(({ tenantId, keyId, plan }) => ({ tenantId, keyId, plan })) },
      null,
      2,
    ),
  );
}
