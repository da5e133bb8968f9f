import type { OpContext } from "../context";
import { badRequest, conflict, notFound, type Reply } from "../http";
import type { RouteDef } from "../routes";
import type { V2Api, V2Route } from "../state/types";
import { body, compact, newId, optBool, optString } from "../v1/common";
import { findV2Api, pageV2 } from "./common";
import { autoDeploy } from "./stages";

/**
 * v2 routes (CreateRoute, GetRoutes, GetRoute, UpdateRoute, DeleteRoute) as the API Gateway v2 reference describes
 * them. A route's `target` must have AWS's form `integrations/<id>`; integrations and authorizers are not modelled,
 * so neither the integration nor `authorizerId` is looked up (stored, not enforced, like v1's authorizers). As on
 * AWS, a route change is deployed at once to every stage with autoDeploy on.
 */

const HTTP_ROUTE_KEY = /^(\$default|(ANY|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \/\S*)$/;
const TARGET = /^integrations\/[A-Za-z0-9]+$/;
const AUTH_TYPES = ["NONE", "AWS_IAM", "CUSTOM", "JWT"] as const;

export const routesOf = (api: V2Api): Record<string, V2Route> => (api.routes ??= {});

function renderRoute(r: V2Route): Record<string, unknown> {
  return compact({
    apiGatewayManaged: r.apiGatewayManaged,
    apiKeyRequired: r.apiKeyRequired,
    authorizationScopes: r.authorizationScopes,
    authorizationType: r.authorizationType,
    authorizerId: r.authorizerId,
    modelSelectionExpression: r.modelSelectionExpression,
    operationName: r.operationName,
    routeId: r.routeId,
    routeKey: r.routeKey,
    routeResponseSelectionExpression: r.routeResponseSelectionExpression,
    target: r.target,
  });
}

function findRoute(ctx: OpContext, api: V2Api): V2Route {
  const r = routesOf(api)[ctx.params.route_id ?? ""];
  if (!r)
    throw notFound(`Invalid Route identifier specified ${ctx.params.route_id ?? ""}`, {
      resourceType: "Route",
    });
  return r;
}

function checkRouteKey(api: V2Api, key: string, except?: string): void {
  const ok =
    api.protocolType === "HTTP"
      ? HTTP_ROUTE_KEY.test(key)
      : key.length > 0 && key.length <= 128 && !/\s/.test(key);
  if (!ok)
    throw badRequest(
      api.protocolType === "HTTP"
        ? `Invalid route key '${key}': use $default or "<METHOD> /<path>", e.g. "GET /pets"`
        : `Invalid route key '${key}'`,
    );
  if (Object.values(routesOf(api)).some((r) => r.routeKey === key && r.routeId !== except))
    throw conflict(`Route with key ${key} already exists for this API`);
}

/** Applies the writable fields of a CreateRoute/UpdateRoute body onto `r` (validating as it goes). */
function applyFields(api: V2Api, r: V2Route, b: Record<string, unknown>): void {
  const target = optString(b, "target");
  if (target !== undefined) {
    if (!TARGET.test(target))
      throw badRequest(`Invalid target '${target}': must be of the form integrations/<integrationId>`);
    r.target = target;
  }
  const keyRequired = optBool(b, "apiKeyRequired");
  if (keyRequired !== undefined) {
    if (keyRequired && api.protocolType === "HTTP")
      throw badRequest("API key required is supported for WebSocket APIs only");
    r.apiKeyRequired = keyRequired;
  }
  const auth = optString(b, "authorizationType");
  if (auth !== undefined) {
    if (!(AUTH_TYPES as readonly string[]).includes(auth))
      throw badRequest(`Invalid authorizationType '${auth}': must be one of ${AUTH_TYPES.join(", ")}`);
    if (auth === "JWT" && api.protocolType !== "HTTP")
      throw badRequest("JWT authorization is supported for HTTP APIs only");
    r.authorizationType = auth as V2Route["authorizationType"];
  }
  const authorizerId = optString(b, "authorizerId");
  if (authorizerId !== undefined) r.authorizerId = authorizerId;
  if ((r.authorizationType === "JWT" || r.authorizationType === "CUSTOM") && !r.authorizerId)
    throw badRequest(`authorizerId is required for authorizationType ${r.authorizationType}`);
  if (r.authorizationType === "NONE" || r.authorizationType === "AWS_IAM") delete r.authorizerId;
  if (Array.isArray(b.authorizationScopes)) r.authorizationScopes = b.authorizationScopes.map(String);
  for (const f of [
    "operationName",
    "routeResponseSelectionExpression",
    "modelSelectionExpression",
  ] as const) {
    const v = optString(b, f);
    if (v !== undefined) r[f] = v;
  }
}

function redeploy(ctx: OpContext, api: V2Api): void {
  const now = ctx.gw.clock.now();
  for (const stage of Object.values(api.stages)) if (stage.autoDeploy) autoDeploy(api, stage, now);
}

function createRoute(ctx: OpContext): Reply {
  const api = findV2Api(ctx);
  const b = body(ctx);
  const routeKey = optString(b, "routeKey");
  if (!routeKey) throw badRequest("Invalid route key: routeKey is required");
  checkRouteKey(api, routeKey);
  const r: V2Route = { routeId: newId(7), routeKey, apiKeyRequired: false, authorizationType: "NONE" };
  applyFields(api, r, b);
  routesOf(api)[r.routeId] = r;
  redeploy(ctx, api);
  ctx.gw.changed();
  return { status: 201, body: renderRoute(r) };
}

/** The route AWS's quick create (CreateApi with `target`) makes, with the integration id it would have created. */
export function createQuickRoute(api: V2Api, routeKey = "$default"): void {
  const r: V2Route = {
    routeId: newId(7),
    routeKey,
    target: `integrations/${newId(7)}`,
    apiKeyRequired: false,
    authorizationType: "NONE",
    apiGatewayManaged: true,
  };
  routesOf(api)[r.routeId] = r;
}

function getRoutes(ctx: OpContext): Reply {
  const all = Object.values(routesOf(findV2Api(ctx))).sort((a, b) => a.routeKey.localeCompare(b.routeKey));
  const { items, nextToken } = pageV2(ctx, all);
  return { status: 200, body: compact({ items: items.map(renderRoute), nextToken }) };
}

function getRoute(ctx: OpContext): Reply {
  return { status: 200, body: renderRoute(findRoute(ctx, findV2Api(ctx))) };
}

function updateRoute(ctx: OpContext): Reply {
  const api = findV2Api(ctx);
  const r = findRoute(ctx, api);
  if (r.apiGatewayManaged) throw badRequest("Cannot update a route managed by API Gateway (quick create)");
  const b = body(ctx);
  const next: V2Route = structuredClone(r);
  const routeKey = optString(b, "routeKey");
  if (routeKey !== undefined) {
    checkRouteKey(api, routeKey, r.routeId);
    next.routeKey = routeKey;
  }
  applyFields(api, next, b);
  routesOf(api)[r.routeId] = next;
  redeploy(ctx, api);
  ctx.gw.changed();
  return { status: 200, body: renderRoute(next) };
}

function deleteRoute(ctx: OpContext): Reply {
  const api = findV2Api(ctx);
  const r = findRoute(ctx, api);
  if (r.apiGatewayManaged) throw badRequest("Cannot delete a route managed by API Gateway (quick create)");
  delete routesOf(api)[r.routeId];
  redeploy(ctx, api);
  ctx.gw.changed();
  return { status: 204 };
}

export const v2RouteRoutes: RouteDef[] = [
  ["POST", "/v2/apis/{api_id}/routes", "CreateRoute", createRoute],
  ["GET", "/v2/apis/{api_id}/routes", "GetRoutes", getRoutes],
  ["GET", "/v2/apis/{api_id}/routes/{route_id}", "GetRoute", getRoute],
  ["PATCH", "/v2/apis/{api_id}/routes/{route_id}", "UpdateRoute", updateRoute],
  ["DELETE", "/v2/apis/{api_id}/routes/{route_id}", "DeleteRoute", deleteRoute],
];
