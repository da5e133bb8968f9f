import "server-only";
import { GetExportCommand } from "@aws-sdk/client-api-gateway";
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
