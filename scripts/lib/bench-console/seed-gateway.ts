// The bench's estate, made through the AWS SDK straight to the Local Gateway (its limits off while seeding):
// 50 REST APIs × 3 stages (a MOCK GET / method so they can be deployed), 10 HTTP APIs with a stage each, and 20
// usage plans on the REST APIs' prod stages.
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateRestApiCommand,
  CreateStageCommand,
  CreateUsagePlanCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutMethodCommand,
} from "@aws-sdk/client-api-gateway";
import {
  ApiGatewayV2Client,
  CreateApiCommand,
  CreateStageCommand as CreateV2StageCommand,
} from "@aws-sdk/client-apigatewayv2";

export type BenchEstate = {
  rest: { id: string; name: string }[];
  http: { id: string; name: string }[];
  plans: string[];
  stages: readonly string[];
};

export const STAGES = ["prod", "staging", "dev"] as const;
const credentials = { accessKeyId: "test", secretAccessKey: "test" };

export function sdkClients(endpoint: string) {
  return {
    v1: new APIGatewayClient({ region: "us-east-1", endpoint, credentials, maxAttempts: 6 }),
    v2: new ApiGatewayV2Client({ region: "us-east-1", endpoint, credentials, maxAttempts: 6 }),
  };
}

async function inBatches<T>(n: number, size: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += size)
    out.push(...(await Promise.all(Array.from({ length: Math.min(size, n - i) }, (_, j) => fn(i + j)))));
  return out;
}

export async function seedGateway(
  endpoint: string,
  counts = { rest: 50, http: 10, plans: 20 },
): Promise<BenchEstate> {
  const { v1, v2 } = sdkClients(endpoint);
  try {
    const rest = await inBatches(counts.rest, 10, async (i) => {
      const name = `bench-rest-${String(i).padStart(2, "0")}`;
      const api = await v1.send(new CreateRestApiCommand({ name, description: "bench:console" }));
      const restApiId = api.id!;
      const root = (await v1.send(new GetResourcesCommand({ restApiId }))).items![0]!.id!;
      await v1.send(
        new PutMethodCommand({ restApiId, resourceId: root, httpMethod: "GET", authorizationType: "NONE" }),
      );
      await v1.send(
        new PutIntegrationCommand({
          restApiId,
          resourceId: root,
          httpMethod: "GET",
          type: "MOCK",
          requestTemplates: { "application/json": '{"statusCode": 200}' },
        }),
      );
      const dep = await v1.send(new CreateDeploymentCommand({ restApiId, description: "bench" }));
      for (const stageName of STAGES)
        await v1.send(
          new CreateStageCommand({
            restApiId,
            stageName,
            deploymentId: dep.id!,
            variables: { version: "v1" },
          }),
        );
      return { id: restApiId, name };
    });
    const http = await inBatches(counts.http, 10, async (i) => {
      const name = `bench-http-${String(i).padStart(2, "0")}`;
      const api = await v2.send(new CreateApiCommand({ Name: name, ProtocolType: "HTTP" }));
      await v2.send(new CreateV2StageCommand({ ApiId: api.ApiId!, StageName: "prod" }));
      return { id: api.ApiId!, name };
    });
    const plans = await inBatches(counts.plans, 10, async (i) => {
      const p = await v1.send(
        new CreateUsagePlanCommand({
          name: `bench-plan-${String(i).padStart(2, "0")}`,
          throttle: { rateLimit: 10 + i, burstLimit: 20 + i },
          quota: { limit: 10_000 * (i + 1), period: "MONTH" },
          apiStages: [{ apiId: rest[i % rest.length]!.id, stage: "prod" }],
        }),
      );
      return p.id!;
    });
    return { rest, http, plans, stages: STAGES };
  } finally {
    v1.destroy();
    v2.destroy();
  }
}
