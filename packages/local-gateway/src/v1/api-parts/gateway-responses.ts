// Gateway responses: AWS's response types with their defaults; stored, not rendered by the data plane.
import type { OpContext } from "../../context";
import { badRequest, notFound, type Reply } from "../../http";
import type { RouteDef } from "../../routes";
import type { GatewayResponseDef, RestApi } from "../../state/types";
import {
  body,
  compact,
  findApi,
  listBody,
  optString,
  optStringMap,
  patchOps,
  validationError,
} from "../common";
import { unescapePointer } from "../method-responses";

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

const R = "/restapis/{restapi_id}";

export const gatewayResponseRoutes: RouteDef[] = [
  ["GET", `${R}/gatewayresponses`, "GetGatewayResponses", getGatewayResponses],
  ["PUT", `${R}/gatewayresponses/{response_type}`, "PutGatewayResponse", putGatewayResponse],
  ["GET", `${R}/gatewayresponses/{response_type}`, "GetGatewayResponse", getGatewayResponse],
  ["PATCH", `${R}/gatewayresponses/{response_type}`, "UpdateGatewayResponse", updateGatewayResponse],
  ["DELETE", `${R}/gatewayresponses/{response_type}`, "DeleteGatewayResponse", deleteGatewayResponse],
];
