import "server-only";
import { GetDeploymentCommand, GetExportCommand } from "@aws-sdk/client-api-gateway";
import { apiGateway } from "./clients";
import { aws } from "./errors";

/**
 * The OpenAPI 3 document of a REST API stage's current deployment (GetExport oas30, JSON, without the
 * `apigateway` extensions: integrations name upstream hosts partners must not see). Text as AWS returned it.
 */
export async function exportStageOas30(restApiId: string, stageName: string): Promise<string> {
  const out = await aws(
    () =>
      apiGateway.send(
        new GetExportCommand({ restApiId, stageName, exportType: "oas30", accepts: "application/json" }),
      ),
    "API Gateway",
  );
  return new TextDecoder().decode(out.body);
}

/** A deployment's API summary: path → method → { apiKeyRequired } (GetDeployment ?embed=apisummary). */
export async function deploymentSummary(
  restApiId: string,
  deploymentId: string,
): Promise<Record<string, Record<string, { apiKeyRequired?: boolean }>>> {
  const out = await aws(
    () => apiGateway.send(new GetDeploymentCommand({ restApiId, deploymentId, embed: ["apisummary"] })),
    "API Gateway",
  );
  // Only what the comparison uses (AWS also sends authorizationType), so a stored summary has one shape whether it
  // came from here or was derived from the exported document.
  return Object.fromEntries(
    Object.entries(out.apiSummary ?? {}).map(([path, methods]) => [
      path,
      Object.fromEntries(
        Object.entries(methods).map(([m, v]) => [m, { apiKeyRequired: v.apiKeyRequired === true }]),
      ),
    ]),
  );
}
