// Test-only helpers: build a small deployed REST API through the SDK.
import {
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  type APIGatewayClient,
} from "@aws-sdk/client-api-gateway";

export interface DeployedApi {
  apiId: string;
  rootId: string;
  petsId: string;
  deploymentId: string;
}

/** An API with GET / and GET /pets (HTTP_PROXY), deployed to `stageName`. */
export async function deployedApi(
  v1: APIGatewayClient,
  stageName = "prod",
  name = "pets-api",
): Promise<DeployedApi> {
  const api = await v1.send(new CreateRestApiCommand({ name }));
  const apiId = api.id!;
  const resources = await v1.send(new GetResourcesCommand({ restApiId: apiId }));
  const rootId = resources.items![0]!.id!;
  const pets = await v1.send(
    new CreateResourceCommand({ restApiId: apiId, parentId: rootId, pathPart: "pets" }),
  );
  for (const resourceId of [rootId, pets.id!]) {
    await v1.send(
      new PutMethodCommand({
        restApiId: apiId,
        resourceId,
        httpMethod: "GET",
        authorizationType: "NONE",
        apiKeyRequired: true,
      }),
    );
    await v1.send(
      new PutIntegrationCommand({
        restApiId: apiId,
        resourceId,
        httpMethod: "GET",
        type: "HTTP_PROXY",
        integrationHttpMethod: "GET",
        uri: "http://127.0.0.1:9/pets",
      }),
    );
  }
  const dep = await v1.send(new CreateDeploymentCommand({ restApiId: apiId, stageName }));
  return { apiId, rootId, petsId: pets.id!, deploymentId: dep.id! };
}

export async function newDeployment(v1: APIGatewayClient, restApiId: string): Promise<string> {
  return (await v1.send(new CreateDeploymentCommand({ restApiId, description: "next" }))).id!;
}
