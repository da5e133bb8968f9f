// Method responses, integration responses and the update operations of resources and integrations (the calls
// the AWS CLI, SAM, Terraform and CDK make on every deploy). Messages are AWS's (LocalStack's AWS-recorded
// snapshots, test_apigateway_api: TestApigatewayMethodResponse, TestApigatewayIntegrationResponse,
// TestApiGatewayApiResource).
import type { OpContext } from "../context";
import { badRequest, conflict, notFound, type Reply } from "../http";
import type { RouteDef } from "../routes";
import type {
  Integration,
  IntegrationResponse,
  Method,
  MethodResponse,
  Resource,
  RestApi,
} from "../state/types";
import {
  body,
  compact,
  findApi,
  optStringMap,
  parseNumber,
  patchOps,
  validationError,
  type PatchOp,
} from "./common";
import {
  findMethodOf,
  findResource,
  renderIntegration,
  renderIntegrationResponse,
} from "./resources-methods";

/** JSON-pointer segment decoding ("application~1json" → "application/json"). */
export const unescapePointer = (s: string) => s.replace(/~1/g, "/").replace(/~0/g, "~");

function statusCodeOf(ctx: OpContext): string {
  const code = ctx.params.status_code ?? "";
  if (!/^[1-5]\d\d$/.test(code)) {
    throw validationError([
      `Value '${code}' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d`,
    ]);
  }
  return code;
}

const invalidPatchPath = (path: string | undefined) => badRequest(`Invalid patch path ${path ?? "null"}`);

function optBoolMap(b: Record<string, unknown>, key: string): Record<string, boolean> | undefined {
  const v = b[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "object" || Array.isArray(v) || Object.values(v).some((x) => typeof x !== "boolean"))
    throw badRequest(`Invalid ${key}: must be a map of booleans`);
  return { ...(v as Record<string, boolean>) };
}

/** "add|replace|remove /<field>/<name>" on a map field; returns false when `p.path` is not under `field`. */
function patchMap<T>(
  map: Record<string, T> | undefined,
  field: string,
  p: PatchOp,
  parse: (v: string | undefined) => T,
): { handled: boolean; map: Record<string, T> | undefined } {
  const prefix = `/${field}/`;
  if (!p.path.startsWith(prefix) || p.path.length === prefix.length) return { handled: false, map };
  const name = unescapePointer(p.path.slice(prefix.length));
  const next = { ...map };
  if (p.op === "remove") delete next[name];
  else if (p.op === "add" || p.op === "replace") next[name] = parse(p.value);
  else throw badRequest(`Invalid patch operation specified. Must be 'add'|'remove'|'replace'`);
  return { handled: true, map: Object.keys(next).length > 0 ? next : undefined };
}

const boolValue = (v: string | undefined) => v === "true";
const stringValue = (v: string | undefined) => v ?? "";

// ---- method responses -------------------------------------------------------------------------------------

export function renderMethodResponse(r: MethodResponse): Record<string, unknown> {
  return compact({
    statusCode: r.statusCode,
    responseParameters: r.responseParameters,
    responseModels: r.responseModels,
  });
}

function findMethodResponse(ctx: OpContext): { method: Method; response: MethodResponse } {
  const code = statusCodeOf(ctx);
  const { method } = findMethodOf(ctx);
  const response = method.methodResponses?.[code];
  if (!response) throw notFound("Invalid Response status code specified");
  return { method, response };
}

function putMethodResponse(ctx: OpContext): Reply {
  const code = statusCodeOf(ctx);
  const { method } = findMethodOf(ctx);
  const b = body(ctx);
  const response: MethodResponse = compact({
    statusCode: code,
    responseParameters: optBoolMap(b, "responseParameters"),
    responseModels: optStringMap(b, "responseModels"),
  });
  method.methodResponses = { ...method.methodResponses, [code]: response };
  ctx.gw.changed();
  return { status: 201, body: renderMethodResponse(response) };
}

function getMethodResponse(ctx: OpContext): Reply {
  return { status: 200, body: renderMethodResponse(findMethodResponse(ctx).response) };
}

function updateMethodResponse(ctx: OpContext): Reply {
  const { method, response } = findMethodResponse(ctx);
  const draft = structuredClone(response);
  for (const p of patchOps(ctx, "updateMethodResponseInput")) {
    const params = patchMap(draft.responseParameters, "responseParameters", p, boolValue);
    if (params.handled) {
      draft.responseParameters = params.map;
      continue;
    }
    const models = patchMap(draft.responseModels, "responseModels", p, stringValue);
    if (models.handled) {
      draft.responseModels = models.map;
      continue;
    }
    throw invalidPatchPath(p.path);
  }
  method.methodResponses = { ...method.methodResponses, [draft.statusCode]: compact(draft) };
  ctx.gw.changed();
  return { status: 200, body: renderMethodResponse(draft) };
}

function deleteMethodResponse(ctx: OpContext): Reply {
  const { method, response } = findMethodResponse(ctx);
  const rest = { ...method.methodResponses };
  delete rest[response.statusCode];
  method.methodResponses = rest;
  ctx.gw.changed();
  return { status: 204 };
}

// ---- integration responses --------------------------------------------------------------------------------

function findIntegrationOf(ctx: OpContext): Integration {
  const { method } = findMethodOf(ctx);
  if (!method.integration) throw notFound("Invalid Integration identifier specified");
  return method.integration;
}

function findIntegrationResponse(ctx: OpContext): {
  integration: Integration;
  response: IntegrationResponse;
} {
  const code = statusCodeOf(ctx);
  const integration = findIntegrationOf(ctx);
  const response = integration.integrationResponses?.[code];
  if (!response) throw notFound("Invalid Response status code specified");
  return { integration, response };
}

function getIntegrationResponse(ctx: OpContext): Reply {
  return { status: 200, body: renderIntegrationResponse(findIntegrationResponse(ctx).response) };
}

function updateIntegrationResponse(ctx: OpContext): Reply {
  const { integration, response } = findIntegrationResponse(ctx);
  const draft = structuredClone(response);
  for (const p of patchOps(ctx, "updateIntegrationResponseInput")) {
    const templates = patchMap(draft.responseTemplates, "responseTemplates", p, stringValue);
    if (templates.handled) {
      draft.responseTemplates = templates.map;
      continue;
    }
    const params = patchMap(draft.responseParameters, "responseParameters", p, stringValue);
    if (params.handled) {
      draft.responseParameters = params.map;
      continue;
    }
    if (p.path === "/selectionPattern" && (p.op === "replace" || p.op === "add"))
      draft.selectionPattern = p.value;
    else if (p.path === "/selectionPattern" && p.op === "remove") delete draft.selectionPattern;
    else if (p.path === "/contentHandling" && p.op === "replace") draft.contentHandling = p.value;
    else throw invalidPatchPath(p.path);
  }
  integration.integrationResponses = {
    ...integration.integrationResponses,
    [draft.statusCode]: compact(draft),
  };
  ctx.gw.changed();
  return { status: 200, body: renderIntegrationResponse(draft) };
}

function deleteIntegrationResponse(ctx: OpContext): Reply {
  const { integration, response } = findIntegrationResponse(ctx);
  const rest = { ...integration.integrationResponses };
  delete rest[response.statusCode];
  integration.integrationResponses = rest;
  ctx.gw.changed();
  return { status: 204 };
}

// ---- UpdateIntegration ------------------------------------------------------------------------------------

const INTEGRATION_FIELDS = [
  "/uri",
  "/httpMethod",
  "/passthroughBehavior",
  "/cacheNamespace",
  "/connectionType",
  "/contentHandling",
];

function updateIntegration(ctx: OpContext): Reply {
  const integration = findIntegrationOf(ctx);
  const draft = structuredClone(integration);
  for (const p of patchOps(ctx, "updateIntegrationInput")) {
    const templates = patchMap(draft.requestTemplates, "requestTemplates", p, stringValue);
    if (templates.handled) {
      draft.requestTemplates = templates.map;
      continue;
    }
    const params = patchMap(draft.requestParameters, "requestParameters", p, stringValue);
    if (params.handled) {
      draft.requestParameters = params.map;
      continue;
    }
    if (p.op !== "replace") throw invalidPatchPath(p.path);
    if (p.path === "/timeoutInMillis") {
      const ms = parseNumber(p.value, "timeoutInMillis", { integer: true });
      if (ms < 50 || ms > 29_000) throw badRequest("Timeout should be between 50 ms and 29000 ms");
      draft.timeoutInMillis = ms;
    } else if (INTEGRATION_FIELDS.includes(p.path)) {
      const field = p.path.slice(1) as "uri" | "httpMethod" | "passthroughBehavior" | "cacheNamespace";
      draft[field] = field === "httpMethod" ? p.value?.toUpperCase() : p.value;
    } else throw invalidPatchPath(p.path);
  }
  const { method } = findMethodOf(ctx);
  method.integration = compact(draft);
  ctx.gw.changed();
  return { status: 200, body: renderIntegration(draft) };
}

// ---- UpdateResource ---------------------------------------------------------------------------------------

function repath(api: RestApi, r: Resource): void {
  const parent = r.parentId === undefined ? undefined : api.resources[r.parentId];
  r.path = !parent ? "/" : parent.path === "/" ? `/${r.pathPart}` : `${parent.path}/${r.pathPart}`;
  for (const c of Object.values(api.resources)) if (c.parentId === r.id) repath(api, c);
}

function updateResource(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const resource = findResource(ctx, api);
  const draftApi = structuredClone(api);
  const draft = draftApi.resources[resource.id]!;
  for (const p of patchOps(ctx, "updateResourceInput")) {
    if (p.op !== "replace")
      throw badRequest(
        `Invalid patch path  '${p.path}' specified for op '${p.op}'. Please choose supported operations`,
      );
    if (p.path !== "/pathPart" && p.path !== "/parentId")
      throw badRequest(
        `Invalid patch path  '${p.path}' specified for op 'replace'. Must be one of: [/parentId, /pathPart]`,
      );
    if (draft.parentId === undefined) throw badRequest(`Root resource cannot update its ${p.path.slice(1)}.`);
    if (p.path === "/pathPart") {
      if (!p.value) throw badRequest("Invalid pathPart: must be non-empty");
      draft.pathPart = p.value;
    } else {
      const parent = p.value ? draftApi.resources[p.value] : undefined;
      if (!parent) throw notFound("Invalid Resource identifier specified");
      for (
        let at: Resource | undefined = parent;
        at;
        at = at.parentId ? draftApi.resources[at.parentId] : undefined
      )
        if (at.id === draft.id) throw badRequest("Resources cannot be cyclical.");
      draft.parentId = parent.id;
    }
  }
  const siblings = Object.values(draftApi.resources).filter(
    (r) => r.parentId === draft.parentId && r.id !== draft.id,
  );
  if (siblings.some((s) => s.pathPart === draft.pathPart))
    throw conflict(`Another resource with the same parent already has this name: ${draft.pathPart}`);
  repath(draftApi, draft);
  api.resources = draftApi.resources;
  ctx.gw.changed();
  return {
    status: 200,
    body: { id: draft.id, parentId: draft.parentId, pathPart: draft.pathPart, path: draft.path },
  };
}

const M = "/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}";

export const methodResponseRoutes: RouteDef[] = [
  ["PATCH", "/restapis/{restapi_id}/resources/{resource_id}", "UpdateResource", updateResource],
  ["PATCH", `${M}/integration`, "UpdateIntegration", updateIntegration],
  ["PUT", `${M}/responses/{status_code}`, "PutMethodResponse", putMethodResponse],
  ["GET", `${M}/responses/{status_code}`, "GetMethodResponse", getMethodResponse],
  ["PATCH", `${M}/responses/{status_code}`, "UpdateMethodResponse", updateMethodResponse],
  ["DELETE", `${M}/responses/{status_code}`, "DeleteMethodResponse", deleteMethodResponse],
  ["GET", `${M}/integration/responses/{status_code}`, "GetIntegrationResponse", getIntegrationResponse],
  [
    "PATCH",
    `${M}/integration/responses/{status_code}`,
    "UpdateIntegrationResponse",
    updateIntegrationResponse,
  ],
  [
    "DELETE",
    `${M}/integration/responses/{status_code}`,
    "DeleteIntegrationResponse",
    deleteIntegrationResponse,
  ],
];
