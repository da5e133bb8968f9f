// Test-only helpers: build REST APIs, keys and plans through the SDK for the data-plane integration tests.
import {
  CreateApiKeyCommand,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  type APIGatewayClient,
  type QuotaSettings,
  type ThrottleSettings,
} from "@aws-sdk/client-api-gateway";

export interface MethodSpec {
  path: string;
  method: string;
  apiKeyRequired?: boolean;
  /** HTTP_PROXY uri, or MOCK when `mock` is given. */
  uri?: string;
  mock?: { status?: number; body: string };
  timeoutInMillis?: number;
}

/** Creates (or reuses) the resource chain for `path` and returns the leaf's id. */
async function ensureResource(
  client: APIGatewayClient,
  restApiId: string,
  path: string,
  byPath: Map<string, string>,
): Promise<string> {
  const existing = byPath.get(path);
  if (existing !== undefined) return existing;
  const slash = path.lastIndexOf("/");
  const parentPath = slash === 0 ? "/" : path.slice(0, slash);
  const parentId = await ensureResource(client, restApiId, parentPath, byPath);
  const r = await client.send(
    new CreateResourceCommand({ restApiId, parentId, pathPart: path.slice(slash + 1) }),
  );
  byPath.set(path, r.id as string);
  return r.id as string;
}

/** A REST API with the given methods; returns its id and a function to (re)deploy it. */
export async function createApi(
  client: APIGatewayClient,
  name: string,
  methods: readonly MethodSpec[],
): Promise<string> {
  const api = await client.send(new CreateRestApiCommand({ name }));
  const restApiId = api.id as string;
  await putMethods(client, restApiId, methods);
  return restApiId;
}

export async function putMethods(
  client: APIGatewayClient,
  restApiId: string,
  methods: readonly MethodSpec[],
): Promise<void> {
  const resources = await client.send(new GetResourcesCommand({ restApiId, limit: 500 }));
  const byPath = new Map((resources.items ?? []).map((r) => [r.path as string, r.id as string]));
  for (const m of methods) {
    const resourceId = await ensureResource(client, restApiId, m.path, byPath);
    await client.send(
      new PutMethodCommand({
        restApiId,
        resourceId,
        httpMethod: m.method,
        authorizationType: "NONE",
        apiKeyRequired: m.apiKeyRequired ?? false,
      }),
    );
    if (m.mock !== undefined) {
      const status = m.mock.status ?? 200;
      await client.send(
        new PutIntegrationCommand({
          restApiId,
          resourceId,
          httpMethod: m.method,
          type: "MOCK",
          requestTemplates: { "application/json": `{"statusCode": ${status}}` },
        }),
      );
      await client.send(
        new PutIntegrationResponseCommand({
          restApiId,
          resourceId,
          httpMethod: m.method,
          statusCode: String(status),
          responseTemplates: { "application/json": m.mock.body },
        }),
      );
    } else {
      await client.send(
        new PutIntegrationCommand({
          restApiId,
          resourceId,
          httpMethod: m.method,
          type: "HTTP_PROXY",
          integrationHttpMethod: "ANY",
          uri: m.uri,
          timeoutInMillis: m.timeoutInMillis,
        }),
      );
    }
  }
}

export async function deploy(
  client: APIGatewayClient,
  restApiId: string,
  stageName: string,
  variables?: Record<string, string>,
): Promise<string> {
  const d = await client.send(new CreateDeploymentCommand({ restApiId, stageName, variables }));
  return d.id as string;
}

let keyCounter = 0;

/** A fresh enabled key in a fresh plan bound to the given stages; returns ids and the key value. */
export async function keyInPlan(
  client: APIGatewayClient,
  stages: readonly { apiId: string; stage: string; throttle?: Record<string, ThrottleSettings> }[],
  plan: { throttle?: ThrottleSettings; quota?: QuotaSettings } = {},
): Promise<{ keyId: string; value: string; planId: string }> {
  keyCounter++;
  const value = `test-key-value-${keyCounter}-${Math.random().toString(36).slice(2, 12)}`;
  const key = await client.send(new CreateApiKeyCommand({ name: `key-${keyCounter}`, enabled: true, value }));
  const created = await client.send(
    new CreateUsagePlanCommand({ name: `plan-${keyCounter}`, apiStages: [...stages], ...plan }),
  );
  await client.send(
    new CreateUsagePlanKeyCommand({ usagePlanId: created.id, keyId: key.id, keyType: "API_KEY" }),
  );
  return { keyId: key.id as string, value, planId: created.id as string };
}

export function invokeUrl(gatewayUrl: string, restApiId: string, stage: string, path: string): string {
  return `${gatewayUrl}/restapis/${restApiId}/${stage}/_user_request_${path}`;
}
