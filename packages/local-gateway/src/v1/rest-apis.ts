import type { OpContext } from "../context";
import { badRequest, type Reply } from "../http";
import type { RouteDef } from "../routes";
import type { RestApi } from "../state/types";
import {
  body,
  compact,
  epochSeconds,
  findApi,
  listBody,
  newId,
  optBool,
  optString,
  optStringMap,
  parseBool,
  patchOps,
} from "./common";

export function renderRestApi(api: RestApi): Record<string, unknown> {
  return compact({
    id: api.id,
    name: api.name,
    description: api.description,
    createdDate: epochSeconds(api.createdDate),
    version: api.version,
    apiKeySource: api.apiKeySource,
    endpointConfiguration: api.endpointConfiguration,
    binaryMediaTypes: api.binaryMediaTypes,
    disableExecuteApiEndpoint: api.disableExecuteApiEndpoint,
    rootResourceId: api.rootResourceId,
    tags: api.tags,
  });
}

export function parseApiKeySource(v: string | undefined): RestApi["apiKeySource"] {
  if (v === undefined) return "HEADER";
  if (v !== "HEADER" && v !== "AUTHORIZER")
    throw badRequest(`Invalid apiKeySource: ${v}. Must be HEADER or AUTHORIZER`);
  return v;
}

/** A new API with only the root resource "/" (shared with ImportRestApi). */
export function newRestApi(ctx: OpContext, name: string, b: Record<string, unknown>): RestApi {
  const now = ctx.gw.clock.now();
  const rootId = newId(10);
  const endpoint = b.endpointConfiguration as { types?: unknown } | undefined;
  const types = Array.isArray(endpoint?.types) ? endpoint.types.map(String) : ["EDGE"];
  const binary = b.binaryMediaTypes;
  return {
    id: newId(10),
    name,
    description: optString(b, "description"),
    version: optString(b, "version"),
    createdDate: now,
    apiKeySource: parseApiKeySource(optString(b, "apiKeySource")),
    endpointConfiguration: { types },
    binaryMediaTypes: Array.isArray(binary) ? binary.map(String) : undefined,
    disableExecuteApiEndpoint: optBool(b, "disableExecuteApiEndpoint") ?? false,
    rootResourceId: rootId,
    tags: optStringMap(b, "tags") ?? {},
    resources: { [rootId]: { id: rootId, pathPart: "", path: "/", methods: {} } },
    deployments: {},
    stages: {},
  };
}

function createRestApi(ctx: OpContext): Reply {
  const b = body(ctx);
  const name = optString(b, "name");
  if (!name) throw badRequest("Invalid REST API name specified: name is required");
  const api = newRestApi(ctx, name, b);
  ctx.gw.state.restApis[api.id] = api;
  ctx.gw.changed();
  return { status: 201, body: renderRestApi(api) };
}

function getRestApis(ctx: OpContext): Reply {
  return { status: 200, body: listBody(ctx, Object.values(ctx.gw.state.restApis).map(renderRestApi)) };
}

function getRestApi(ctx: OpContext): Reply {
  return { status: 200, body: renderRestApi(findApi(ctx)) };
}

const API_PATHS = ["/name", "/description", "/version", "/apiKeySource", "/disableExecuteApiEndpoint"];

/** UpdateRestApi: the simple top-level fields (not in issue 3's list; the console uses it for apiKeySource). */
function updateRestApi(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const draft = { ...api };
  for (const p of patchOps(ctx, "updateRestApiInput")) {
    if (p.op !== "replace" || !API_PATHS.includes(p.path)) {
      throw badRequest(
        `Invalid patch path  '${p.path}' specified for op '${p.op}'. Must be one of: [${API_PATHS.join(", ")}]`,
      );
    }
    if (p.path === "/name") {
      if (!p.value) throw badRequest("Invalid REST API name specified: name must be non-empty");
      draft.name = p.value;
    } else if (p.path === "/description") draft.description = p.value;
    else if (p.path === "/version") draft.version = p.value;
    else if (p.path === "/apiKeySource") draft.apiKeySource = parseApiKeySource(p.value ?? "");
    else draft.disableExecuteApiEndpoint = parseBool(p.value, "disableExecuteApiEndpoint");
  }
  ctx.gw.state.restApis[api.id] = compact(draft);
  ctx.gw.changed();
  return { status: 200, body: renderRestApi(draft) };
}

function deleteRestApi(ctx: OpContext): Reply {
  const api = findApi(ctx);
  delete ctx.gw.state.restApis[api.id];
  // Keep usage plans consistent: a deleted API's stages leave every plan (AWS's exact behaviour is UNCONFIRMED).
  for (const plan of Object.values(ctx.gw.state.usagePlans)) {
    plan.apiStages = plan.apiStages.filter((s) => s.apiId !== api.id);
  }
  ctx.gw.changed();
  return { status: 202 };
}

export const restApiRoutes: RouteDef[] = [
  ["GET", "/restapis", "GetRestApis", getRestApis],
  ["POST", "/restapis", "CreateRestApi", createRestApi],
  ["GET", "/restapis/{restapi_id}", "GetRestApi", getRestApi],
  ["PATCH", "/restapis/{restapi_id}", "UpdateRestApi", updateRestApi],
  ["DELETE", "/restapis/{restapi_id}", "DeleteRestApi", deleteRestApi],
];
