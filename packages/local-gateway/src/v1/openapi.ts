import { parse as parseYaml } from "yaml";
import type { OpContext } from "../context";
import { badRequest, type Reply } from "../http";
import type { Integration, IntegrationResponse, Method, Resource, RestApi } from "../state/types";
import { compact, findApi, newId } from "./common";
import { addResource, buildIntegration } from "./resources-methods";
import { importModels, operationDocs } from "./openapi-models";
import { newRestApi, parseApiKeySource, renderRestApi } from "./rest-apis";

/**
 * ImportRestApi / PutRestApi from OpenAPI 3 (JSON or YAML): paths become resources, operations become methods,
 * `x-amazon-apigateway-integration` (http_proxy, http, mock, …) becomes the integration, and an apiKey security
 * requirement (global or per operation) sets apiKeyRequired.
 */

type Obj = Record<string, unknown>;

const OPERATION_KEYS: Record<string, string> = {
  get: "GET",
  put: "PUT",
  post: "POST",
  delete: "DELETE",
  options: "OPTIONS",
  head: "HEAD",
  patch: "PATCH",
  "x-amazon-apigateway-any-method": "ANY",
};

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export function parseDefinition(body: Buffer): Obj {
  const text = body.toString("utf8");
  if (text.trim() === "") throw badRequest("Invalid OpenAPI input: the body is empty");
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw badRequest(`Invalid OpenAPI input: ${(e as Error).message.split("\n")[0]}`);
  }
  if (!isObj(doc)) throw badRequest("Invalid OpenAPI input: expected an object");
  if (typeof doc.openapi !== "string" || !doc.openapi.startsWith("3.")) {
    throw badRequest(
      "Invalid OpenAPI input: only OpenAPI 3.x definitions are supported (the 'openapi' field must be 3.x)",
    );
  }
  if (!isObj(doc.paths)) throw badRequest("Invalid OpenAPI input: 'paths' must be an object");
  return doc;
}

function apiKeySchemes(doc: Obj): Set<string> {
  const schemes =
    isObj(doc.components) && isObj(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  return new Set(
    Object.entries(schemes)
      .filter(([, s]) => isObj(s) && s.type === "apiKey")
      .map(([name]) => name),
  );
}

function requiresKey(security: unknown, keySchemes: Set<string>): boolean | undefined {
  if (!Array.isArray(security)) return undefined;
  return security.some((req) => isObj(req) && Object.keys(req).some((name) => keySchemes.has(name)));
}

function importIntegration(raw: unknown, where: string): Integration | undefined {
  if (!isObj(raw)) return undefined;
  const type = String(raw.type ?? "").toUpperCase();
  let integration: Integration;
  try {
    integration = buildIntegration({ ...raw, type, httpMethod: raw.httpMethod });
  } catch (e) {
    throw badRequest(`Invalid x-amazon-apigateway-integration at ${where}: ${(e as Error).message}`);
  }
  if (isObj(raw.responses)) {
    const responses: Record<string, IntegrationResponse> = {};
    for (const [pattern, r] of Object.entries(raw.responses)) {
      if (!isObj(r)) continue;
      const statusCode = String(r.statusCode ?? "200");
      responses[statusCode] = compact({
        statusCode,
        selectionPattern: pattern === "default" ? undefined : pattern,
        responseTemplates: isObj(r.responseTemplates)
          ? (r.responseTemplates as Record<string, string>)
          : undefined,
        responseParameters: isObj(r.responseParameters)
          ? (r.responseParameters as Record<string, string>)
          : undefined,
      });
    }
    integration.integrationResponses = responses;
  }
  return integration;
}

function requestParameters(params: unknown): Record<string, boolean> | undefined {
  if (!Array.isArray(params)) return undefined;
  const where: Record<string, string> = { path: "path", query: "querystring", header: "header" };
  const out: Record<string, boolean> = {};
  for (const p of params) {
    if (!isObj(p) || typeof p.name !== "string" || typeof p.in !== "string" || !where[p.in]) continue;
    out[`method.request.${where[p.in]}.${p.name}`] = p.required === true;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function resourceFor(api: RestApi, path: string): Resource {
  let current = api.resources[api.rootResourceId]!;
  for (const part of path.split("/").filter(Boolean)) {
    const existing = Object.values(api.resources).find(
      (r) => r.parentId === current.id && r.pathPart === part,
    );
    current = existing ?? addResource(api, current, part);
  }
  return current;
}

/** Applies the document's paths to `api` (merge: existing methods that the document names are replaced). */
function applyPaths(api: RestApi, doc: Obj): void {
  importModels(api, doc);
  const keySchemes = apiKeySchemes(doc);
  const globalKey = requiresKey(doc.security, keySchemes) ?? false;
  for (const [path, item] of Object.entries(doc.paths as Obj)) {
    if (!path.startsWith("/")) throw badRequest(`Invalid OpenAPI input: path '${path}' must start with '/'`);
    if (!isObj(item)) continue;
    const resource = resourceFor(api, path);
    for (const [key, op] of Object.entries(item)) {
      const httpMethod = OPERATION_KEYS[key];
      if (!httpMethod || !isObj(op)) continue;
      const method: Method = compact({
        httpMethod,
        authorizationType: "NONE",
        apiKeyRequired: requiresKey(op.security, keySchemes) ?? globalKey,
        operationName: typeof op.operationId === "string" ? op.operationId : undefined,
        requestParameters: requestParameters([
          ...(Array.isArray(item.parameters) ? item.parameters : []),
          ...(Array.isArray(op.parameters) ? op.parameters : []),
        ]),
        integration: importIntegration(op["x-amazon-apigateway-integration"], `${key.toUpperCase()} ${path}`),
        ...operationDocs(api, op),
      });
      resource.methods[httpMethod] = method;
    }
  }
}

function applyInfo(api: RestApi, doc: Obj): void {
  const info = isObj(doc.info) ? doc.info : {};
  if (typeof info.title === "string" && info.title !== "") api.name = info.title;
  if (typeof info.description === "string") api.description = info.description;
  if (typeof info.version === "string") api.version = info.version;
  const source = doc["x-amazon-apigateway-api-key-source"];
  if (typeof source === "string") api.apiKeySource = parseApiKeySource(source.toUpperCase());
}

export function importRestApi(ctx: OpContext): Reply {
  const doc = parseDefinition(ctx.body);
  const info = isObj(doc.info) ? doc.info : {};
  if (typeof info.title !== "string" || info.title === "")
    throw badRequest("Invalid OpenAPI input: info.title is required");
  const types =
    ctx.query.get("endpointConfigurationTypes") ?? ctx.query.get("parameters[endpointConfigurationTypes]");
  const api = newRestApi(ctx, info.title, types ? { endpointConfiguration: { types: [types] } } : {});
  applyInfo(api, doc);
  applyPaths(api, doc);
  ctx.gw.state.restApis[api.id] = api;
  ctx.gw.changed();
  return { status: 201, body: renderRestApi(api) };
}

export function putRestApi(ctx: OpContext): Reply {
  const current = findApi(ctx);
  const mode = ctx.query.get("mode") ?? "merge";
  if (mode !== "merge" && mode !== "overwrite")
    throw badRequest(`Invalid mode specified: ${mode}. Must be merge or overwrite`);
  const doc = parseDefinition(ctx.body);
  const draft = structuredClone(current);
  if (mode === "overwrite") {
    // Overwrite keeps the API (id, stages, deployments) and its root resource id, and replaces everything else.
    const rootId = draft.rootResourceId ?? newId(10);
    draft.resources = { [rootId]: { id: rootId, pathPart: "", path: "/", methods: {} } };
    draft.description = undefined;
    draft.models = undefined;
  }
  applyInfo(draft, doc);
  applyPaths(draft, doc);
  ctx.gw.state.restApis[draft.id] = compact(draft);
  ctx.gw.changed();
  return { status: 200, body: renderRestApi(draft) };
}
