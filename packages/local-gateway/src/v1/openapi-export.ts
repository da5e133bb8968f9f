import type { OpContext } from "../context";
import { badRequest, type Reply } from "../http";
import type { RouteDef } from "../routes";
import type { Integration, Method, RestApi, Stage } from "../state/types";
import { compact, findApi, findStage } from "./common";
import { stringify as toYaml } from "yaml";
import { importRestApi, putRestApi } from "./openapi";
import { exportRequestBody, exportResponses, exportSchemas } from "./openapi-models";

/**
 * GetExport oas30: the stage's deployed resources as OpenAPI 3.0.1 (JSON, or YAML with Accept: application/yaml):
 * paths with their operations, parameters, request bodies and responses by model, the API's models as
 * components.schemas, the api-key security scheme when a method requires a key, and with `?extensions=apigateway`
 * the integrations. `servers` is the stage's invoke URL (the Local Gateway's data plane).
 */

const API_KEY_SCHEME = "api_key";

function exportIntegration(i: Integration): Record<string, unknown> {
  return compact({
    type: i.type.toLowerCase(),
    httpMethod: i.httpMethod,
    uri: i.uri,
    passthroughBehavior: i.passthroughBehavior ?? "when_no_match",
    timeoutInMillis: i.timeoutInMillis,
    requestTemplates: i.requestTemplates,
    requestParameters: i.requestParameters,
    responses: i.integrationResponses
      ? Object.fromEntries(
          Object.values(i.integrationResponses).map((r) => [
            r.selectionPattern ?? "default",
            compact({
              statusCode: r.statusCode,
              responseTemplates: r.responseTemplates,
              responseParameters: r.responseParameters,
            }),
          ]),
        )
      : undefined,
  });
}

function exportOperation(m: Method, withIntegrations: boolean): Record<string, unknown> {
  const parameters = Object.entries(m.requestParameters ?? {}).flatMap(([key, required]) => {
    const match = /^method\.request\.(path|querystring|header)\.(.+)$/.exec(key);
    if (!match) return [];
    const where = match[1] === "querystring" ? "query" : match[1]!;
    return [
      { name: match[2], in: where, required: where === "path" ? true : required, schema: { type: "string" } },
    ];
  });
  return compact({
    tags: m.tags,
    summary: m.summary,
    description: m.description,
    operationId: m.operationName,
    parameters: parameters.length > 0 ? parameters : undefined,
    requestBody: exportRequestBody(m),
    responses: exportResponses(m),
    security: m.apiKeyRequired ? [{ [API_KEY_SCHEME]: [] }] : undefined,
    "x-amazon-apigateway-integration":
      withIntegrations && m.integration ? exportIntegration(m.integration) : undefined,
  });
}

function components(api: RestApi, usesKeys: boolean): Record<string, unknown> | undefined {
  const out = compact({
    schemas: exportSchemas(api),
    securitySchemes: usesKeys
      ? { [API_KEY_SCHEME]: { type: "apiKey", name: "x-api-key", in: "header" } }
      : undefined,
  });
  return Object.keys(out).length > 0 ? out : undefined;
}

export function exportOas30(
  ctx: OpContext,
  api: RestApi,
  stage: Stage,
  withIntegrations: boolean,
): Record<string, unknown> {
  const deployment = api.deployments[stage.deploymentId];
  const resources = Object.values(deployment?.resources ?? {}).sort((a, b) => a.path.localeCompare(b.path));
  const paths: Record<string, Record<string, unknown>> = {};
  let usesKeys = false;
  for (const r of resources) {
    const methods = Object.values(r.methods);
    if (methods.length === 0) continue;
    paths[r.path] = Object.fromEntries(
      methods.map((m) => {
        usesKeys ||= m.apiKeyRequired;
        const key = m.httpMethod === "ANY" ? "x-amazon-apigateway-any-method" : m.httpMethod.toLowerCase();
        return [key, exportOperation(m, withIntegrations)];
      }),
    );
  }
  return compact({
    openapi: "3.0.1",
    info: compact({
      title: api.name,
      description: api.description,
      version: api.version ?? new Date(deployment?.createdDate ?? api.createdDate).toISOString(),
    }),
    servers: [{ url: `${ctx.gw.url}/restapis/${api.id}/${stage.stageName}/_user_request_` }],
    paths,
    components: components(api, usesKeys),
    "x-amazon-apigateway-api-key-source": withIntegrations ? api.apiKeySource : undefined,
  });
}

function getExport(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const stage = findStage(ctx, api);
  const type = ctx.params.export_type ?? "";
  if (type !== "oas30")
    throw badRequest(`Unsupported export type: ${type}. The Local Gateway exports oas30 only`);
  const accept = String(ctx.headers.accept ?? "application/json");
  const yaml = accept.includes("yaml");
  if (!yaml && !/json|\*\/\*/.test(accept))
    throw badRequest(`Unsupported Accept type: ${accept}. Use application/json or application/yaml`);
  const extensions = (ctx.query.get("extensions") ?? "").split(",").map((s) => s.trim());
  const doc = exportOas30(
    ctx,
    api,
    stage,
    extensions.includes("apigateway") || extensions.includes("integrations"),
  );
  return {
    status: 200,
    headers: {
      "Content-Type": yaml ? "application/yaml" : "application/json",
      "Content-Disposition": `attachment; filename="${api.name}-${stage.stageName}-oas30.${yaml ? "yaml" : "json"}"`,
    },
    body: yaml ? toYaml(doc) : JSON.stringify(doc, null, 2),
  };
}

export const openApiRoutes: RouteDef[] = [
  ["POST", "/restapis?mode=import", "ImportRestApi", importRestApi],
  ["PUT", "/restapis/{restapi_id}", "PutRestApi", putRestApi],
  ["GET", "/restapis/{restapi_id}/stages/{stage_name}/exports/{export_type}", "GetExport", getExport],
];
