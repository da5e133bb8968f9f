import type { OpContext } from "../context";
import { badRequest, conflict, notFound, type Reply } from "../http";
import type { RouteDef } from "../routes";
import type {
  Integration,
  IntegrationResponse,
  IntegrationType,
  Method,
  Resource,
  RestApi,
} from "../state/types";
import {
  body,
  compact,
  findApi,
  listBody,
  newId,
  optBool,
  optNumber,
  optString,
  optStringMap,
  parseBool,
  patchOps,
  validationError,
} from "./common";

// In AWS's order: its messages list them so (AWS-recorded "Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY").
const HTTP_METHODS = ["GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "HEAD", "ANY"];
const INTEGRATION_TYPES: IntegrationType[] = ["HTTP", "AWS", "MOCK", "HTTP_PROXY", "AWS_PROXY"];

export function renderIntegration(i: Integration): Record<string, unknown> {
  return compact({
    type: i.type,
    httpMethod: i.httpMethod,
    uri: i.uri,
    connectionType: i.connectionType ?? "INTERNET",
    requestParameters: i.requestParameters,
    requestTemplates: i.requestTemplates,
    passthroughBehavior: i.passthroughBehavior ?? "WHEN_NO_MATCH",
    timeoutInMillis: i.timeoutInMillis,
    cacheNamespace: i.cacheNamespace,
    cacheKeyParameters: i.cacheKeyParameters ?? [],
    contentHandling: i.contentHandling,
    integrationResponses: i.integrationResponses
      ? Object.fromEntries(
          Object.entries(i.integrationResponses).map(([k, r]) => [k, renderIntegrationResponse(r)]),
        )
      : undefined,
  });
}

export function renderIntegrationResponse(r: IntegrationResponse): Record<string, unknown> {
  return compact({
    statusCode: r.statusCode,
    selectionPattern: r.selectionPattern,
    responseParameters: r.responseParameters,
    responseTemplates: r.responseTemplates,
    contentHandling: r.contentHandling,
  });
}

export function renderMethod(m: Method): Record<string, unknown> {
  return compact({
    httpMethod: m.httpMethod,
    authorizationType: m.authorizationType,
    apiKeyRequired: m.apiKeyRequired,
    operationName: m.operationName,
    authorizerId: m.authorizerId,
    requestValidatorId: m.requestValidatorId,
    requestParameters: m.requestParameters,
    requestModels: m.requestModels,
    methodResponses:
      m.methodResponses && Object.keys(m.methodResponses).length > 0 ? m.methodResponses : undefined,
    methodIntegration: m.integration ? renderIntegration(m.integration) : undefined,
  });
}

export function renderResource(r: Resource, embedMethods: boolean): Record<string, unknown> {
  const names = Object.keys(r.methods);
  return compact({
    id: r.id,
    parentId: r.parentId,
    pathPart: r.parentId === undefined ? undefined : r.pathPart,
    path: r.path,
    resourceMethods:
      names.length === 0
        ? undefined
        : Object.fromEntries(names.map((n) => [n, embedMethods ? renderMethod(r.methods[n]!) : {}])),
  });
}

export function findResource(ctx: OpContext, api: RestApi, id = ctx.params.resource_id ?? ""): Resource {
  const r = api.resources[id];
  if (!r) throw notFound("Invalid Resource identifier specified");
  return r;
}

function methodName(ctx: OpContext): string {
  const m = (ctx.params.http_method ?? "").toUpperCase();
  if (!HTTP_METHODS.includes(m)) {
    throw badRequest(`Invalid HttpMethod specified. Valid options are ${HTTP_METHODS.join(",")}`);
  }
  return m;
}

export function findMethodOf(ctx: OpContext): { api: RestApi; resource: Resource; method: Method } {
  const api = findApi(ctx);
  const resource = findResource(ctx, api);
  const method = resource.methods[methodName(ctx)];
  if (!method) throw notFound("Invalid Method identifier specified");
  return { api, resource, method };
}

const PATH_PART = /^(\{[A-Za-z0-9_.-]+\+?\}|[A-Za-z0-9._~:@!$&'()*+,;=-]+)$/;

/** Adds a child resource (shared with ImportRestApi); throws 409 when the parent already has that path part. */
export function addResource(api: RestApi, parent: Resource, pathPart: string): Resource {
  if (!PATH_PART.test(pathPart))
    throw badRequest(
      `Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.`,
    );
  const siblings = Object.values(api.resources).filter((r) => r.parentId === parent.id);
  if (siblings.some((s) => s.pathPart === pathPart)) {
    throw conflict(`Another resource with the same parent already has this name: ${pathPart}`);
  }
  if (pathPart.startsWith("{") && siblings.some((s) => s.pathPart.startsWith("{"))) {
    throw badRequest(
      `A sibling (${siblings.find((s) => s.pathPart.startsWith("{"))?.pathPart}) of this resource already has a variable path part -- only one is allowed`,
    );
  }
  const id = newId(6);
  const path = parent.path === "/" ? `/${pathPart}` : `${parent.path}/${pathPart}`;
  const resource: Resource = { id, parentId: parent.id, pathPart, path, methods: {} };
  api.resources[id] = resource;
  return resource;
}

function getResources(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const embed = ctx.query.getAll("embed").includes("methods");
  return {
    status: 200,
    body: listBody(
      ctx,
      Object.values(api.resources).map((r) => renderResource(r, embed)),
    ),
  };
}

function getResource(ctx: OpContext): Reply {
  const api = findApi(ctx);
  return {
    status: 200,
    body: renderResource(findResource(ctx, api), ctx.query.getAll("embed").includes("methods")),
  };
}

function createResource(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const parent = findResource(ctx, api, ctx.params.parent_id ?? "");
  const pathPart = optString(body(ctx), "pathPart");
  if (!pathPart) throw badRequest("Invalid pathPart: must be non-empty");
  const resource = addResource(api, parent, pathPart);
  ctx.gw.changed();
  return { status: 201, body: renderResource(resource, false) };
}

function deleteResource(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const resource = findResource(ctx, api);
  if (resource.parentId === undefined) throw badRequest("Cannot delete root resource");
  const doomed = new Set([resource.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of Object.values(api.resources)) {
      if (r.parentId !== undefined && doomed.has(r.parentId) && !doomed.has(r.id)) {
        doomed.add(r.id);
        grew = true;
      }
    }
  }
  for (const id of doomed) delete api.resources[id];
  ctx.gw.changed();
  return { status: 202 };
}

function putMethod(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const resource = findResource(ctx, api);
  const name = methodName(ctx);
  if (resource.methods[name]) throw conflict("Method already exists for this resource");
  const b = body(ctx);
  const authorizationType = optString(b, "authorizationType");
  if (!authorizationType)
    throw badRequest("Invalid authorizationType: must be NONE, AWS_IAM, CUSTOM or COGNITO_USER_POOLS");
  const requestParameters = b.requestParameters as Record<string, boolean> | undefined;
  const method: Method = compact({
    httpMethod: name,
    authorizationType,
    apiKeyRequired: optBool(b, "apiKeyRequired") ?? false,
    operationName: optString(b, "operationName"),
    authorizerId: optString(b, "authorizerId"),
    requestValidatorId: optString(b, "requestValidatorId"),
    requestParameters:
      requestParameters && typeof requestParameters === "object" ? { ...requestParameters } : undefined,
    requestModels: optStringMap(b, "requestModels"),
  });
  checkMethodRefs(api, method);
  resource.methods[name] = method;
  ctx.gw.changed();
  return { status: 201, body: renderMethod(method) };
}

/** A method's authorizer and request validator must exist on its API (AWS-recorded messages). */
function checkMethodRefs(api: RestApi, m: Method): void {
  if (m.authorizationType === "CUSTOM" || m.authorizationType === "COGNITO_USER_POOLS") {
    if (!m.authorizerId || !api.authorizers?.[m.authorizerId])
      throw badRequest(
        "Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.",
      );
  }
  if (m.requestValidatorId !== undefined && !api.requestValidators?.[m.requestValidatorId])
    throw badRequest("Invalid Request Validator identifier specified");
  for (const model of Object.values(m.requestModels ?? {}))
    if (!api.models?.[model]) throw badRequest(`Invalid model identifier specified: ${model}`);
}

function getMethod(ctx: OpContext): Reply {
  return { status: 200, body: renderMethod(findMethodOf(ctx).method) };
}

function deleteMethod(ctx: OpContext): Reply {
  const { resource, method } = findMethodOf(ctx);
  delete resource.methods[method.httpMethod];
  ctx.gw.changed();
  return { status: 204 };
}

const METHOD_PATHS =
  "[/apiKeyRequired, /authorizationType, /authorizerId, /operationName, /requestValidatorId, /requestParameters/{name}, /requestModels/{contentType}]";

function updateMethod(ctx: OpContext): Reply {
  const { api, resource, method: current } = findMethodOf(ctx);
  const method = structuredClone(current);
  for (const p of patchOps(ctx, "updateMethodInput")) {
    const sub = /^\/(requestParameters|requestModels)\/(.+)$/.exec(p.path);
    if (sub && (p.op === "add" || p.op === "replace" || p.op === "remove")) {
      const name = sub[2]!.replace(/~1/g, "/").replace(/~0/g, "~");
      if (sub[1] === "requestParameters") {
        const next = { ...method.requestParameters };
        if (p.op === "remove") delete next[name];
        else next[name] = p.value === "true";
        method.requestParameters = Object.keys(next).length > 0 ? next : undefined;
      } else {
        const next = { ...method.requestModels };
        if (p.op === "remove") delete next[name];
        else next[name] = p.value ?? "";
        method.requestModels = Object.keys(next).length > 0 ? next : undefined;
      }
    } else if (p.op === "replace" && p.path === "/apiKeyRequired")
      method.apiKeyRequired = parseBool(p.value, "apiKeyRequired");
    else if (p.op === "replace" && p.path === "/authorizationType" && p.value)
      method.authorizationType = p.value;
    else if (p.op === "replace" && p.path === "/operationName") method.operationName = p.value;
    else if (p.op === "replace" && p.path === "/authorizerId") method.authorizerId = p.value || undefined;
    else if (p.op === "replace" && p.path === "/requestValidatorId")
      method.requestValidatorId = p.value || undefined;
    else {
      throw badRequest(
        `Invalid patch path  '${p.path}' specified for op '${p.op}'. Must be one of: ${METHOD_PATHS}`,
      );
    }
  }
  checkMethodRefs(api, method);
  resource.methods[method.httpMethod] = compact(method);
  ctx.gw.changed();
  return { status: 200, body: renderMethod(method) };
}

/** Validates and builds an integration (shared with ImportRestApi). */
export function buildIntegration(b: Record<string, unknown>): Integration {
  const type = optString(b, "type") as IntegrationType | undefined;
  if (!type || !INTEGRATION_TYPES.includes(type)) {
    throw validationError([
      `Value '${type ?? "null"}' at 'putIntegrationInput.type' failed to satisfy constraint: Member must satisfy enum value set: [HTTP, MOCK, AWS_PROXY, HTTP_PROXY, AWS]`,
    ]);
  }
  const httpMethod = optString(b, "httpMethod")?.toUpperCase();
  const uri = optString(b, "uri");
  if (type === "HTTP" || type === "HTTP_PROXY") {
    if (!httpMethod) throw badRequest("Enumeration value for HttpMethod must be non-empty");
    if (!HTTP_METHODS.includes(httpMethod))
      throw badRequest(`Invalid HttpMethod specified. Valid options are ${HTTP_METHODS.join(",")}`);
    if (!uri || !/^https?:\/\/[^\s]+$/.test(uri)) throw badRequest("Invalid HTTP endpoint specified for URI");
  }
  const timeout = optNumber(b, "timeoutInMillis") ?? 29_000;
  if (!Number.isInteger(timeout) || timeout < 50 || timeout > 29_000) {
    throw badRequest("Timeout should be between 50 ms and 29000 ms");
  }
  const params = optStringMap(b, "requestParameters");
  return compact({
    type,
    httpMethod,
    uri,
    requestTemplates: optStringMap(b, "requestTemplates"),
    requestParameters: params,
    passthroughBehavior: optString(b, "passthroughBehavior"),
    timeoutInMillis: timeout,
    connectionType: optString(b, "connectionType"),
    cacheNamespace: optString(b, "cacheNamespace"),
    cacheKeyParameters: Array.isArray(b.cacheKeyParameters) ? b.cacheKeyParameters.map(String) : undefined,
    contentHandling: optString(b, "contentHandling"),
  });
}

function putIntegration(ctx: OpContext): Reply {
  const { method } = findMethodOf(ctx);
  const integration = buildIntegration(body(ctx));
  if (method.integration?.integrationResponses)
    integration.integrationResponses = method.integration.integrationResponses;
  method.integration = integration;
  ctx.gw.changed();
  return { status: 201, body: renderIntegration(integration) };
}

function findIntegration(ctx: OpContext): { method: Method; integration: Integration } {
  const { method } = findMethodOf(ctx);
  if (!method.integration) throw notFound("Invalid Integration identifier specified");
  return { method, integration: method.integration };
}

function getIntegration(ctx: OpContext): Reply {
  return { status: 200, body: renderIntegration(findIntegration(ctx).integration) };
}

function deleteIntegration(ctx: OpContext): Reply {
  const { method } = findIntegration(ctx);
  delete method.integration;
  ctx.gw.changed();
  return { status: 204 };
}

function putIntegrationResponse(ctx: OpContext): Reply {
  const { integration } = findIntegration(ctx);
  const statusCode = ctx.params.status_code ?? "";
  if (!/^[1-5]\d\d$/.test(statusCode)) {
    throw validationError([
      `Value '${statusCode}' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d`,
    ]);
  }
  const b = body(ctx);
  const response = compact({
    statusCode,
    selectionPattern: optString(b, "selectionPattern"),
    responseTemplates: optStringMap(b, "responseTemplates"),
    responseParameters: optStringMap(b, "responseParameters"),
    contentHandling: optString(b, "contentHandling"),
  });
  integration.integrationResponses = { ...integration.integrationResponses, [statusCode]: response };
  ctx.gw.changed();
  return { status: 201, body: renderIntegrationResponse(response) };
}

const M = "/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}";

export const resourceMethodRoutes: RouteDef[] = [
  ["GET", "/restapis/{restapi_id}/resources", "GetResources", getResources],
  ["GET", "/restapis/{restapi_id}/resources/{resource_id}", "GetResource", getResource],
  ["POST", "/restapis/{restapi_id}/resources/{parent_id}", "CreateResource", createResource],
  ["DELETE", "/restapis/{restapi_id}/resources/{resource_id}", "DeleteResource", deleteResource],
  ["PUT", M, "PutMethod", putMethod],
  ["GET", M, "GetMethod", getMethod],
  ["PATCH", M, "UpdateMethod", updateMethod],
  ["DELETE", M, "DeleteMethod", deleteMethod],
  ["PUT", `${M}/integration`, "PutIntegration", putIntegration],
  ["GET", `${M}/integration`, "GetIntegration", getIntegration],
  ["DELETE", `${M}/integration`, "DeleteIntegration", deleteIntegration],
  ["PUT", `${M}/integration/responses/{status_code}`, "PutIntegrationResponse", putIntegrationResponse],
];
