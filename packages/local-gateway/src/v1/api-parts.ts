// The REST API's own sub-resources that deploy tools (SAM, Terraform, CDK, the AWS CLI) create: authorizers,
// request validators, models, gateway responses and documentation parts. They are stored and rendered like AWS
// (messages from LocalStack's AWS-recorded snapshots, test_apigateway_api); the data plane does not run
// authorizers, validate requests against models or render gateway responses (README: deliberate differences).
import type { OpContext } from "../context";
import { badRequest, conflict, notFound, type Reply } from "../http";
import type { RouteDef } from "../routes";
import type {
  Authorizer,
  DocumentationPart,
  GatewayResponseDef,
  Model,
  RequestValidator,
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
  parseNumber,
  patchOps,
  validationError,
  type PatchOp,
} from "./common";
import { unescapePointer } from "./method-responses";

const mustBeOneOf = (p: PatchOp, valid: readonly string[]) =>
  badRequest(
    `Invalid patch path  '${p.path}' specified for op '${p.op}'. Must be one of: [${valid.join(", ")}]`,
  );
const unsupportedOp = (p: PatchOp) =>
  badRequest(
    `Invalid patch path  '${p.path}' specified for op '${p.op}'. Please choose supported operations`,
  );

/** Only `replace` on one of `valid` paths; returns the path's field name. */
function replaceOnly(p: PatchOp, valid: readonly string[]): string {
  if (p.op !== "replace") throw unsupportedOp(p);
  if (!valid.includes(p.path)) throw mustBeOneOf(p, valid);
  return p.path.slice(1);
}

// ---- authorizers ------------------------------------------------------------------------------------------

const AUTHORIZER_TYPES = ["TOKEN", "REQUEST", "COGNITO_USER_POOLS"];

const renderAuthorizer = (a: Authorizer) => compact({ ...a });

function findAuthorizer(ctx: OpContext, api: RestApi): Authorizer {
  const a = api.authorizers?.[ctx.params.authorizer_id ?? ""];
  if (!a) throw notFound("Invalid Authorizer identifier specified");
  return a;
}

function checkTtl(ttl: number | undefined): void {
  if (ttl !== undefined && (!Number.isInteger(ttl) || ttl < 0 || ttl > 3600))
    throw badRequest("Invalid authorizer result TTL: must be between 0 and 3600 seconds");
}

function createAuthorizer(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const b = body(ctx);
  const name = optString(b, "name");
  if (!name) throw badRequest("Authorizer name must be non-empty");
  const type = optString(b, "type");
  if (!type || !AUTHORIZER_TYPES.includes(type))
    throw validationError([
      `Value '${type ?? "null"}' at 'createAuthorizerInput.type' failed to satisfy constraint: Member must satisfy enum value set: [${AUTHORIZER_TYPES.join(", ")}]`,
    ]);
  const providerARNs = Array.isArray(b.providerARNs) ? b.providerARNs.map(String) : undefined;
  if (type === "COGNITO_USER_POOLS" && !providerARNs?.length)
    throw badRequest(
      "Invalid providerARNs: a COGNITO_USER_POOLS authorizer needs at least one user pool ARN",
    );
  const authorizerUri = optString(b, "authorizerUri");
  if (type !== "COGNITO_USER_POOLS" && !authorizerUri)
    throw badRequest("Invalid authorizerUri: a TOKEN or REQUEST authorizer needs its Lambda function URI");
  const ttl = optNumber(b, "authorizerResultTtlInSeconds");
  checkTtl(ttl);
  const authorizer: Authorizer = compact({
    id: newId(6),
    name,
    type: type as Authorizer["type"],
    providerARNs,
    authType: optString(b, "authType"),
    authorizerUri,
    authorizerCredentials: optString(b, "authorizerCredentials"),
    identitySource:
      optString(b, "identitySource") ??
      (type === "REQUEST" ? undefined : "method.request.header.Authorization"),
    identityValidationExpression: optString(b, "identityValidationExpression"),
    authorizerResultTtlInSeconds: ttl ?? 300,
  });
  api.authorizers = { ...api.authorizers, [authorizer.id]: authorizer };
  ctx.gw.changed();
  return { status: 201, body: renderAuthorizer(authorizer) };
}

const AUTHORIZER_PATHS = [
  "/name",
  "/type",
  "/authorizerUri",
  "/authorizerCredentials",
  "/identitySource",
  "/identityValidationExpression",
  "/authorizerResultTtlInSeconds",
  "/authType",
];

function updateAuthorizer(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const draft = structuredClone(findAuthorizer(ctx, api));
  for (const p of patchOps(ctx, "updateAuthorizerInput")) {
    if (p.path === "/providerARNs" && (p.op === "add" || p.op === "remove")) {
      const arns = new Set(draft.providerARNs ?? []);
      if (p.op === "add" && p.value) arns.add(p.value);
      else if (p.value) arns.delete(p.value);
      draft.providerARNs = [...arns];
      continue;
    }
    const field = replaceOnly(p, AUTHORIZER_PATHS);
    if (field === "authorizerResultTtlInSeconds") {
      const ttl = parseNumber(p.value, "authorizerResultTtlInSeconds", { integer: true });
      checkTtl(ttl);
      draft.authorizerResultTtlInSeconds = ttl;
    } else if (field === "type") {
      if (!p.value || !AUTHORIZER_TYPES.includes(p.value))
        throw badRequest(
          `Invalid authorizer type: ${p.value ?? ""}. Must be one of: [${AUTHORIZER_TYPES.join(", ")}]`,
        );
      draft.type = p.value as Authorizer["type"];
    } else if (field === "name") {
      if (!p.value) throw badRequest("Authorizer name must be non-empty");
      draft.name = p.value;
    } else {
      (draft as unknown as Record<string, unknown>)[field] = p.value;
    }
  }
  api.authorizers = { ...api.authorizers, [draft.id]: compact(draft) };
  ctx.gw.changed();
  return { status: 200, body: renderAuthorizer(draft) };
}

function deleteAuthorizer(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const a = findAuthorizer(ctx, api);
  const user = Object.values(api.resources).find((r) =>
    Object.values(r.methods).some((m) => m.authorizerId === a.id),
  );
  if (user) throw conflict(`Cannot delete authorizer '${a.name}', is referenced in method: ${user.path}`);
  const rest = { ...api.authorizers };
  delete rest[a.id];
  api.authorizers = rest;
  ctx.gw.changed();
  return { status: 202 };
}

// ---- request validators -----------------------------------------------------------------------------------

function findValidator(ctx: OpContext, api: RestApi): RequestValidator {
  const v = api.requestValidators?.[ctx.params.requestvalidator_id ?? ""];
  if (!v) throw notFound("Invalid Request Validator identifier specified");
  return v;
}

function createRequestValidator(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const b = body(ctx);
  const name = optString(b, "name");
  if (!name || name.trim() === "") throw badRequest("Request Validator name cannot be blank");
  const v: RequestValidator = {
    id: newId(6),
    name,
    validateRequestBody: optBool(b, "validateRequestBody") ?? false,
    validateRequestParameters: optBool(b, "validateRequestParameters") ?? false,
  };
  api.requestValidators = { ...api.requestValidators, [v.id]: v };
  ctx.gw.changed();
  return { status: 201, body: v };
}

const VALIDATOR_PATHS = ["/name", "/validateRequestParameters", "/validateRequestBody"];

function updateRequestValidator(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const draft = { ...findValidator(ctx, api) };
  for (const p of patchOps(ctx, "updateRequestValidatorInput")) {
    const field = replaceOnly(p, VALIDATOR_PATHS);
    if (field === "name") {
      if (!p.value || p.value.trim() === "") throw badRequest("Request Validator name cannot be blank");
      draft.name = p.value;
    } else {
      // AWS-recorded: a replace without a value (or with anything but "true") switches the check off.
      draft[field as "validateRequestBody" | "validateRequestParameters"] = p.value === "true";
    }
  }
  api.requestValidators = { ...api.requestValidators, [draft.id]: draft };
  ctx.gw.changed();
  return { status: 200, body: draft };
}

function deleteRequestValidator(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const v = findValidator(ctx, api);
  const rest = { ...api.requestValidators };
  delete rest[v.id];
  api.requestValidators = rest;
  for (const r of Object.values(api.resources))
    for (const m of Object.values(r.methods)) if (m.requestValidatorId === v.id) delete m.requestValidatorId;
  ctx.gw.changed();
  return { status: 202 };
}

// ---- models -----------------------------------------------------------------------------------------------

/** AWS gives every new REST API these two models. */
function defaultModels(): Record<string, Model> {
  const schema = (title: string, props: string) =>
    `{\n  "$schema": "http://json-schema.org/draft-04/schema#",\n  "title" : "${title}",\n  "type" : "object"${props}\n}`;
  return {
    Empty: {
      id: newId(6),
      name: "Empty",
      contentType: "application/json",
      description: "This is a default empty schema model",
      schema: schema("Empty Schema", ""),
    },
    Error: {
      id: newId(6),
      name: "Error",
      contentType: "application/json",
      description: "This is a default error schema model",
      schema: schema("Error Schema", ',\n  "properties" : {\n    "message" : { "type" : "string" }\n  }'),
    },
  };
}

/** The API's models, materialising AWS's two defaults on first use. */
export function modelsOf(api: RestApi): Record<string, Model> {
  api.models ??= defaultModels();
  return api.models;
}

const renderModel = (m: Model) => compact({ ...m });

function findModel(ctx: OpContext, api: RestApi): Model {
  const name = ctx.params.model_name ?? "";
  const m = modelsOf(api)[name];
  if (!m) throw notFound(`Invalid model name specified: ${name}`);
  return m;
}

function checkSchema(schema: string | undefined, contentType: string): void {
  if (!contentType.includes("json")) return;
  let parsed: unknown;
  try {
    parsed = schema === undefined ? undefined : JSON.parse(schema);
  } catch {
    throw badRequest(
      "Invalid model specified: Validation Result: warnings : [], errors : [Invalid model schema specified]",
    );
  }
  const o = (parsed ?? {}) as Record<string, unknown>;
  if (Object.keys(o).filter((k) => k !== "$schema" && k !== "title").length === 0)
    throw badRequest("Model schema must have at least 1 property or array items defined");
}

function createModel(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const b = body(ctx);
  const name = optString(b, "name");
  if (!name) throw badRequest("Model name must be non-empty");
  if (!/^[A-Za-z0-9]+$/.test(name)) throw badRequest("Model name must be alphanumeric");
  const models = modelsOf(api);
  if (models[name]) throw conflict("Model name already exists for this REST API");
  const contentType = optString(b, "contentType") ?? "application/json";
  const schema = optString(b, "schema");
  checkSchema(schema, contentType);
  const model: Model = compact({
    id: newId(6),
    name,
    contentType,
    description: optString(b, "description"),
    schema,
  });
  models[name] = model;
  ctx.gw.changed();
  return { status: 201, body: renderModel(model) };
}

function updateModel(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const draft = { ...findModel(ctx, api) };
  for (const p of patchOps(ctx, "updateModelInput")) {
    const field = replaceOnly(p, ["/description", "/schema"]);
    if (field === "schema") {
      checkSchema(p.value, draft.contentType);
      draft.schema = p.value;
    } else draft.description = p.value;
  }
  modelsOf(api)[draft.name] = compact(draft);
  ctx.gw.changed();
  return { status: 200, body: renderModel(draft) };
}

function deleteModel(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const m = findModel(ctx, api);
  for (const r of Object.values(api.resources)) {
    for (const method of Object.values(r.methods)) {
      if (Object.values(method.requestModels ?? {}).includes(m.name)) {
        const where = `${r.path === "/" ? "/" : r.path}/${method.httpMethod}`;
        throw conflict(`Cannot delete model '${m.name}', is referenced in method request: ${where}`);
      }
    }
  }
  delete modelsOf(api)[m.name];
  ctx.gw.changed();
  return { status: 202 };
}

// ---- gateway responses ------------------------------------------------------------------------------------

/** AWS's response types with their default status codes (DEFAULT_4XX/5XX have none). */
export const GATEWAY_RESPONSE_TYPES: Readonly<Record<string, string | undefined>> = {
  REQUEST_TOO_LARGE: "413",
  RESOURCE_NOT_FOUND: "404",
  AUTHORIZER_CONFIGURATION_ERROR: "500",
  MISSING_AUTHENTICATION_TOKEN: "403",
  BAD_REQUEST_BODY: "400",
  INVALID_SIGNATURE: "403",
  INVALID_API_KEY: "403",
  BAD_REQUEST_PARAMETERS: "400",
  AUTHORIZER_FAILURE: "500",
  UNAUTHORIZED: "401",
  INTEGRATION_TIMEOUT: "504",
  ACCESS_DENIED: "403",
  DEFAULT_4XX: undefined,
  DEFAULT_5XX: undefined,
  WAF_FILTERED: "403",
  QUOTA_EXCEEDED: "429",
  THROTTLED: "429",
  API_CONFIGURATION_ERROR: "500",
  UNSUPPORTED_MEDIA_TYPE: "415",
  INTEGRATION_FAILURE: "504",
  EXPIRED_TOKEN: "403",
};

const DEFAULT_TEMPLATE = { "application/json": '{"message":$context.error.messageString}' };

function responseType(ctx: OpContext): string {
  const type = ctx.params.response_type ?? "";
  if (!(type in GATEWAY_RESPONSE_TYPES))
    throw validationError([
      `Value '${type}' at 'responseType' failed to satisfy constraint: Member must satisfy enum value set: [${Object.keys(GATEWAY_RESPONSE_TYPES).join(", ")}]`,
    ]);
  return type;
}

function renderGatewayResponse(api: RestApi, type: string): Record<string, unknown> {
  const own = api.gatewayResponses?.[type];
  if (!own)
    return compact({
      defaultResponse: true,
      responseParameters: {},
      responseTemplates: DEFAULT_TEMPLATE,
      responseType: type,
      statusCode: GATEWAY_RESPONSE_TYPES[type],
    });
  return compact({
    defaultResponse: false,
    responseParameters: own.responseParameters ?? {},
    responseTemplates: own.responseTemplates ?? {},
    responseType: type,
    statusCode: own.statusCode,
  });
}

function putGatewayResponse(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const type = responseType(ctx);
  const b = body(ctx);
  const statusCode = optString(b, "statusCode");
  if (statusCode !== undefined && !/^[1-5]\d\d$/.test(statusCode))
    throw validationError([
      `Value '${statusCode}' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d`,
    ]);
  const def: GatewayResponseDef = compact({
    responseType: type,
    statusCode,
    responseParameters: optStringMap(b, "responseParameters"),
    responseTemplates: optStringMap(b, "responseTemplates"),
  });
  api.gatewayResponses = { ...api.gatewayResponses, [type]: def };
  ctx.gw.changed();
  return { status: 201, body: renderGatewayResponse(api, type) };
}

function getGatewayResponses(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const types = Object.keys(GATEWAY_RESPONSE_TYPES).sort();
  return {
    status: 200,
    body: listBody(
      ctx,
      types.map((t) => renderGatewayResponse(api, t)),
    ),
  };
}

function getGatewayResponse(ctx: OpContext): Reply {
  const api = findApi(ctx);
  return { status: 200, body: renderGatewayResponse(api, responseType(ctx)) };
}

function updateGatewayResponse(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const type = responseType(ctx);
  const draft: GatewayResponseDef = structuredClone(
    api.gatewayResponses?.[type] ?? { responseType: type, statusCode: GATEWAY_RESPONSE_TYPES[type] },
  );
  for (const p of patchOps(ctx, "updateGatewayResponseInput")) {
    const m = /^\/(responseParameters|responseTemplates)\/(.+)$/.exec(p.path);
    if (m && (p.op === "add" || p.op === "replace" || p.op === "remove")) {
      const field = m[1] as "responseParameters" | "responseTemplates";
      const next = { ...draft[field] };
      const name = unescapePointer(m[2]!);
      if (p.op === "remove") delete next[name];
      else next[name] = p.value ?? "";
      draft[field] = next;
    } else if (p.path === "/statusCode" && p.op === "replace") {
      if (!p.value || !/^[1-5]\d\d$/.test(p.value)) throw badRequest(`Invalid status code: ${p.value ?? ""}`);
      draft.statusCode = p.value;
    } else throw badRequest(`Invalid patch path ${p.path}`);
  }
  api.gatewayResponses = { ...api.gatewayResponses, [type]: compact(draft) };
  ctx.gw.changed();
  return { status: 200, body: renderGatewayResponse(api, type) };
}

function deleteGatewayResponse(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const type = responseType(ctx);
  if (!api.gatewayResponses?.[type]) throw notFound("Gateway response type not defined on api");
  const rest = { ...api.gatewayResponses };
  delete rest[type];
  api.gatewayResponses = rest;
  ctx.gw.changed();
  return { status: 202 };
}

// ---- documentation parts ----------------------------------------------------------------------------------

const LOCATION_TYPES = [
  "RESPONSE_BODY",
  "RESPONSE",
  "METHOD",
  "MODEL",
  "AUTHORIZER",
  "RESPONSE_HEADER",
  "RESOURCE",
  "PATH_PARAMETER",
  "REQUEST_BODY",
  "QUERY_PARAMETER",
  "API",
  "REQUEST_HEADER",
];

/** `properties` is a JSON string on the wire (the CLI shows it as text). */
const renderPart = (p: DocumentationPart) => ({
  id: p.id,
  location: compact({ ...p.location }),
  properties: p.properties,
});

function findPart(ctx: OpContext, api: RestApi): DocumentationPart {
  const p = api.documentationParts?.[ctx.params.part_id ?? ""];
  if (!p) throw notFound("Invalid Documentation part identifier specified");
  return p;
}

function createDocumentationPart(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const b = body(ctx);
  const loc = (b.location ?? {}) as Record<string, unknown>;
  const type = typeof loc.type === "string" ? loc.type : undefined;
  if (!type || !LOCATION_TYPES.includes(type))
    throw validationError([
      `Value '${type ?? "null"}' at 'createDocumentationPartInput.location.type' failed to satisfy constraint: Member must satisfy enum value set: [${LOCATION_TYPES.join(", ")}]`,
    ]);
  const properties = optString(b, "properties");
  if (!properties) throw badRequest("Documentation part properties must be non-empty");
  try {
    JSON.parse(properties);
  } catch {
    throw badRequest("Invalid documentation content specified: properties must be a JSON object");
  }
  const location = compact({
    type,
    path: optString(loc, "path"),
    method: optString(loc, "method"),
    statusCode: optString(loc, "statusCode"),
    name: optString(loc, "name"),
  });
  const same = Object.values(api.documentationParts ?? {}).find(
    (p) => JSON.stringify(p.location) === JSON.stringify(location),
  );
  if (same) throw conflict(`Documentation part already exists for this location: ${same.id}`);
  const part: DocumentationPart = { id: newId(6), location, properties };
  api.documentationParts = { ...api.documentationParts, [part.id]: part };
  ctx.gw.changed();
  return { status: 201, body: renderPart(part) };
}

function getDocumentationParts(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const type = ctx.query.get("type");
  const path = ctx.query.get("path");
  const parts = Object.values(api.documentationParts ?? {}).filter(
    (p) => (!type || p.location.type === type) && (!path || p.location.path === path),
  );
  return { status: 200, body: listBody(ctx, parts.map(renderPart)) };
}

function updateDocumentationPart(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const draft = { ...findPart(ctx, api) };
  for (const p of patchOps(ctx, "updateDocumentationPartInput")) {
    replaceOnly(p, ["/properties"]);
    try {
      JSON.parse(p.value ?? "");
    } catch {
      throw badRequest("Invalid documentation content specified: properties must be a JSON object");
    }
    draft.properties = p.value ?? "";
  }
  api.documentationParts = { ...api.documentationParts, [draft.id]: draft };
  ctx.gw.changed();
  return { status: 200, body: renderPart(draft) };
}

function deleteDocumentationPart(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const part = findPart(ctx, api);
  const rest = { ...api.documentationParts };
  delete rest[part.id];
  api.documentationParts = rest;
  ctx.gw.changed();
  return { status: 202 };
}

const R = "/restapis/{restapi_id}";

export const apiPartRoutes: RouteDef[] = [
  ["POST", `${R}/authorizers`, "CreateAuthorizer", createAuthorizer],
  [
    "GET",
    `${R}/authorizers`,
    "GetAuthorizers",
    (ctx) => ({
      status: 200,
      body: listBody(ctx, Object.values(findApi(ctx).authorizers ?? {}).map(renderAuthorizer)),
    }),
  ],
  [
    "GET",
    `${R}/authorizers/{authorizer_id}`,
    "GetAuthorizer",
    (ctx) => ({ status: 200, body: renderAuthorizer(findAuthorizer(ctx, findApi(ctx))) }),
  ],
  ["PATCH", `${R}/authorizers/{authorizer_id}`, "UpdateAuthorizer", updateAuthorizer],
  ["DELETE", `${R}/authorizers/{authorizer_id}`, "DeleteAuthorizer", deleteAuthorizer],
  ["POST", `${R}/requestvalidators`, "CreateRequestValidator", createRequestValidator],
  [
    "GET",
    `${R}/requestvalidators`,
    "GetRequestValidators",
    (ctx) => ({ status: 200, body: listBody(ctx, Object.values(findApi(ctx).requestValidators ?? {})) }),
  ],
  [
    "GET",
    `${R}/requestvalidators/{requestvalidator_id}`,
    "GetRequestValidator",
    (ctx) => ({ status: 200, body: findValidator(ctx, findApi(ctx)) }),
  ],
  ["PATCH", `${R}/requestvalidators/{requestvalidator_id}`, "UpdateRequestValidator", updateRequestValidator],
  [
    "DELETE",
    `${R}/requestvalidators/{requestvalidator_id}`,
    "DeleteRequestValidator",
    deleteRequestValidator,
  ],
  ["POST", `${R}/models`, "CreateModel", createModel],
  [
    "GET",
    `${R}/models`,
    "GetModels",
    (ctx) => ({ status: 200, body: listBody(ctx, Object.values(modelsOf(findApi(ctx))).map(renderModel)) }),
  ],
  [
    "GET",
    `${R}/models/{model_name}`,
    "GetModel",
    (ctx) => ({ status: 200, body: renderModel(findModel(ctx, findApi(ctx))) }),
  ],
  ["PATCH", `${R}/models/{model_name}`, "UpdateModel", updateModel],
  ["DELETE", `${R}/models/{model_name}`, "DeleteModel", deleteModel],
  ["GET", `${R}/gatewayresponses`, "GetGatewayResponses", getGatewayResponses],
  ["PUT", `${R}/gatewayresponses/{response_type}`, "PutGatewayResponse", putGatewayResponse],
  ["GET", `${R}/gatewayresponses/{response_type}`, "GetGatewayResponse", getGatewayResponse],
  ["PATCH", `${R}/gatewayresponses/{response_type}`, "UpdateGatewayResponse", updateGatewayResponse],
  ["DELETE", `${R}/gatewayresponses/{response_type}`, "DeleteGatewayResponse", deleteGatewayResponse],
  ["POST", `${R}/documentation/parts`, "CreateDocumentationPart", createDocumentationPart],
  ["GET", `${R}/documentation/parts`, "GetDocumentationParts", getDocumentationParts],
  [
    "GET",
    `${R}/documentation/parts/{part_id}`,
    "GetDocumentationPart",
    (ctx) => ({ status: 200, body: renderPart(findPart(ctx, findApi(ctx))) }),
  ],
  ["PATCH", `${R}/documentation/parts/{part_id}`, "UpdateDocumentationPart", updateDocumentationPart],
  ["DELETE", `${R}/documentation/parts/{part_id}`, "DeleteDocumentationPart", deleteDocumentationPart],
];
