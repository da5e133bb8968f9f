import type { OpContext } from "../context";
import { badRequest, type Reply } from "../http";
import type { RouteDef } from "../routes";
import type { V2Api } from "../state/types";
import { body, compact, newId, optBool, optString, optStringMap } from "../v1/common";
import { findV2Api, iso, pageV2 } from "./common";
import { createQuickRoute } from "./api-routes";
import { createManagedDefaultStage } from "./stages";

/**
 * apiEndpoint: the emulator has no HTTP/WebSocket API data plane, so the endpoint is informational:
 * `http://127.0.0.1:<port>/v2-apis/<apiId>` (HTTP) and `ws://127.0.0.1:<port>/v2-apis/<apiId>` (WEBSOCKET).
 */
export function apiEndpoint(ctx: OpContext, api: V2Api): string {
  const base = api.protocolType === "WEBSOCKET" ? ctx.gw.url.replace(/^http/, "ws") : ctx.gw.url;
  return `${base}/v2-apis/${api.apiId}`;
}

function renderApi(ctx: OpContext, api: V2Api): Record<string, unknown> {
  return compact({
    apiEndpoint: apiEndpoint(ctx, api),
    apiId: api.apiId,
    name: api.name,
    protocolType: api.protocolType,
    routeSelectionExpression: api.routeSelectionExpression,
    apiKeySelectionExpression: api.apiKeySelectionExpression,
    description: api.description,
    version: api.version,
    disableExecuteApiEndpoint: api.disableExecuteApiEndpoint,
    createdDate: iso(api.createdDate),
    tags: api.tags,
  });
}

function createApi(ctx: OpContext): Reply {
  const b = body(ctx);
  const name = optString(b, "name");
  if (!name) throw badRequest("Invalid API name specified: name is required");
  const protocolType = optString(b, "protocolType");
  if (protocolType !== "HTTP" && protocolType !== "WEBSOCKET")
    throw badRequest("Invalid protocolType specified: must be HTTP or WEBSOCKET");
  let routeSelectionExpression = optString(b, "routeSelectionExpression");
  if (protocolType === "WEBSOCKET" && !routeSelectionExpression) {
    throw badRequest("routeSelectionExpression is required for WEBSOCKET APIs, e.g. $request.body.action");
  }
  routeSelectionExpression ??= "$request.method $request.path";
  const api: V2Api = compact({
    apiId: newId(10),
    name,
    protocolType,
    routeSelectionExpression,
    apiKeySelectionExpression: optString(b, "apiKeySelectionExpression") ?? "$request.header.x-api-key",
    description: optString(b, "description"),
    version: optString(b, "version"),
    disableExecuteApiEndpoint: optBool(b, "disableExecuteApiEndpoint") ?? false,
    createdDate: ctx.gw.clock.now(),
    tags: optStringMap(b, "tags") ?? {},
    stages: {},
    deployments: {},
    routes: {},
  });
  // Quick create (a target) also creates the managed route (`routeKey`, default $default), its integration (not
  // modelled: only its id, in the route's target) and the managed, auto-deployed $default stage.
  if (optString(b, "target")) {
    if (protocolType !== "HTTP") throw badRequest("Quick create (target) is supported for HTTP APIs only");
    createQuickRoute(api, optString(b, "routeKey"));
    createManagedDefaultStage(api, ctx.gw.clock.now());
  }
  ctx.gw.state.v2Apis[api.apiId] = api;
  ctx.gw.changed();
  return { status: 201, body: renderApi(ctx, api) };
}

function getApis(ctx: OpContext): Reply {
  const { items, nextToken } = pageV2(ctx, Object.values(ctx.gw.state.v2Apis));
  return { status: 200, body: compact({ items: items.map((a) => renderApi(ctx, a)), nextToken }) };
}

function getApi(ctx: OpContext): Reply {
  return { status: 200, body: renderApi(ctx, findV2Api(ctx)) };
}

function deleteApi(ctx: OpContext): Reply {
  const api = findV2Api(ctx);
  delete ctx.gw.state.v2Apis[api.apiId];
  ctx.gw.changed();
  return { status: 204 };
}

export const v2ApiRoutes: RouteDef[] = [
  ["GET", "/v2/apis", "GetApis", getApis],
  ["POST", "/v2/apis", "CreateApi", createApi],
  ["GET", "/v2/apis/{api_id}", "GetApi", getApi],
  ["DELETE", "/v2/apis/{api_id}", "DeleteApi", deleteApi],
];
