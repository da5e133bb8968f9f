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
  validationError,
} from "./common";

export function renderRestApi(api: RestApi): Record<string, unknown> {
  return compact({
    id: api.id,
    name: api.name,
    description: api.description,
    createdDate: epochSeconds(api.createdDate),
    version: api.version,
    apiKeySource: api.apiKeySource,
    endpointConfiguration: renderEndpoint(api.endpointConfiguration),
    binaryMediaTypes: api.binaryMediaTypes,
    disableExecuteApiEndpoint: api.disableExecuteApiEndpoint,
    rootResourceId: api.rootResourceId,
    // AWS leaves out empty tags and always has ipAddressType (older state files lack it: EDGE/REGIONAL → ipv4).
    tags: Object.keys(api.tags).length > 0 ? api.tags : undefined,
  });
}

function renderEndpoint(e: RestApi["endpointConfiguration"]): RestApi["endpointConfiguration"] {
  return { ...e, ipAddressType: e.ipAddressType ?? defaultIpAddressType(e.types) };
}

const ENDPOINT_TYPES = ["PRIVATE", "EDGE", "REGIONAL"];
const IP_ADDRESS_TYPES = ["ipv4", "dualstack"];

const defaultIpAddressType = (types: readonly string[]) => (types.includes("PRIVATE") ? "dualstack" : "ipv4");

/**
 * endpointConfiguration as AWS checks it (AWS-recorded, LocalStack test_create_rest_api_verify_defaults and
 * test_create_rest_api_with_endpoint_configuration): enum failures are ValidationExceptions listed together;
 * an empty or missing list means EDGE; PRIVATE APIs are dualstack only.
 */
export function parseEndpointConfiguration(
  raw: unknown,
  inputName: string,
): RestApi["endpointConfiguration"] {
  const o = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const types = Array.isArray(o.types) ? o.types.map(String) : [];
  const ip = o.ipAddressType === undefined || o.ipAddressType === null ? undefined : String(o.ipAddressType);
  const problems: string[] = [];
  if (types.some((t) => !ENDPOINT_TYPES.includes(t)))
    problems.push(
      `Value '[${types.join(", ")}]' at '${inputName}.endpointConfiguration.types' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [${ENDPOINT_TYPES.join(", ")}]]`,
    );
  if (ip !== undefined && !IP_ADDRESS_TYPES.includes(ip))
    problems.push(
      `Value '${ip}' at '${inputName}.endpointConfiguration.ipAddressType' failed to satisfy constraint: Member must satisfy enum value set: [${IP_ADDRESS_TYPES.join(", ")}]`,
    );
  if (problems.length > 0) throw validationError(problems);
  if (types.length > 1) throw badRequest("Cannot create an api with multiple Endpoint Types.");
  const finalTypes = types.length === 0 ? ["EDGE"] : types;
  if (finalTypes[0] === "PRIVATE" && ip === "ipv4")
    throw badRequest("Only dualstack ipAddressType is supported for Private APIs.");
  return { types: finalTypes, ipAddressType: ip ?? defaultIpAddressType(finalTypes) };
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
  const binary = b.binaryMediaTypes;
  return {
    id: newId(10),
    name,
    description: optString(b, "description"),
    version: optString(b, "version"),
    createdDate: now,
    apiKeySource: parseApiKeySource(optString(b, "apiKeySource")),
    endpointConfiguration: parseEndpointConfiguration(b.endpointConfiguration, "createRestApiInput"),
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

const API_PATHS = [
  "/name",
  "/description",
  "/version",
  "/apiKeySource",
  "/disableExecuteApiEndpoint",
  "/endpointConfiguration/ipAddressType",
];

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
    else if (p.path === "/endpointConfiguration/ipAddressType") {
      if (!p.value || !IP_ADDRESS_TYPES.includes(p.value))
        throw badRequest("ipAddressType must be either ipv4 or dualstack.");
      if (p.value === "ipv4" && draft.endpointConfiguration.types.includes("PRIVATE"))
        throw badRequest("Only dualstack ipAddressType is supported for Private APIs.");
      draft.endpointConfiguration = { ...draft.endpointConfiguration, ipAddressType: p.value };
    } else draft.disableExecuteApiEndpoint = parseBool(p.value, "disableExecuteApiEndpoint");
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
