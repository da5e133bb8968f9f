/**
 * The REST data plane: `/restapis/{restApiId}/{stage}/_user_request_/{path}`, mounted by server.ts.
 *
 * Order of checks (AWS documents the throttle order but not where the quota sits — UNCONFIRMED, our choice):
 *   route (403 Missing Authentication Token) → API key (403 Forbidden) → quota (429 Limit Exceeded) →
 *   usage-plan throttle, per method if set, else plan-wide per key (429 Too Many Requests) →
 *   stage methodSettings throttle (429 Too Many Requests) → integration.
 * Quota first so that a client over its quota is told so rather than told to slow down. A request is counted in
 * usage (and so against the quota) once it has passed every check: rejected requests never consume quota.
 * Methods without apiKeyRequired skip key, quota, plan throttle and usage, as in AWS.
 */

import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import type { GatewayContext } from "../context";
import { record as recordUsage, remaining } from "../usage";
import type { Method } from "../state/types";
import type { RouteMatch } from "./route-match";
import { chooseCanary } from "./canary";
import {
  compileMethod,
  compileStage,
  type CompiledArm,
  type CompiledMethod,
  type CompiledStage,
} from "./compiled";
import { recordRequestMetrics } from "./metrics";
import { forwardRequest } from "./proxy";
import {
  FORBIDDEN,
  type GatewayResponse,
  INTERNAL_ERROR,
  LIMIT_EXCEEDED,
  MISSING_AUTH_TOKEN,
  newRequestIds,
  type RequestIds,
  sendGatewayResponse,
  TOO_MANY_REQUESTS,
} from "./responses";
import { renderMockResponse } from "./mock";
import { matchRoute } from "./route-match";
import { dataPlaneRuntime, type DataPlaneRuntime } from "./runtime";
import { renderUri, withQuery } from "./uri-template";
import type { TemplateRequest } from "./vtl";

const PREFIX = "/restapis/";
const MARKER = "/_user_request_";

interface Target {
  apiId: string;
  stageName: string;
  path: string;
  query: string;
}

/** Splits the request URL; undefined when it is not a data-plane URL at all. */
export function parseDataPlaneUrl(rawUrl: string): Target | undefined {
  const q = rawUrl.indexOf("?");
  const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
  if (!path.startsWith(PREFIX)) return undefined;
  const apiEnd = path.indexOf("/", PREFIX.length);
  if (apiEnd === -1) return undefined;
  const stageEnd = path.indexOf("/", apiEnd + 1);
  if (stageEnd === -1 || !path.startsWith(MARKER, stageEnd)) return undefined;
  const rest = path.slice(stageEnd + MARKER.length);
  if (rest.length > 0 && rest[0] !== "/") return undefined;
  let stageName = path.slice(apiEnd + 1, stageEnd);
  try {
    stageName = decodeURIComponent(stageName);
  } catch {
    // Left as sent: it then matches no stage → 403.
  }
  return {
    apiId: path.slice(PREFIX.length, apiEnd),
    stageName,
    path: rest,
    query: q === -1 ? "" : rawUrl.slice(q + 1),
  };
}

interface Served {
  readonly stage: CompiledStage;
  readonly arm: CompiledArm;
  readonly method: CompiledMethod | undefined;
  readonly started: number;
}

function recordServed(
  gw: GatewayContext,
  served: Served,
  status: number,
  integrationLatencyMs: number | undefined,
): void {
  const { stage, arm, method } = served;
  recordRequestMetrics(gw.metrics, {
    apiName: stage.apiName,
    stage: arm.metricsStage,
    resource: method?.resourcePath,
    method: method?.methodName,
    detailed:
      method !== undefined &&
      (stage.detailedMetrics.byMethod.get(method.canonicalKey) ?? stage.detailedMetrics.wildcard),
    status,
    latencyMs: performance.now() - served.started,
    integrationLatencyMs,
    timestampMs: gw.clock.now(),
  });
}

function reject(
  gw: GatewayContext,
  res: ServerResponse,
  ids: RequestIds,
  response: GatewayResponse,
  served: Served,
): void {
  sendGatewayResponse(res, response, ids);
  recordServed(gw, served, response.status, undefined);
}

/** Key, quota and usage-plan throttle; on success the request is counted in usage. */
function checkKey(
  gw: GatewayContext,
  rt: DataPlaneRuntime,
  req: IncomingMessage,
  target: Target,
  stage: CompiledStage,
  method: CompiledMethod,
  now: number,
): GatewayResponse | undefined {
  const value = req.headers["x-api-key"];
  // apiKeySource AUTHORIZER needs a Lambda authorizer, which the emulator does not run: the header is used either way.
  const key = typeof value === "string" && value.length > 0 ? gw.indexes.keyByValue(value) : undefined;
  if (key === undefined || !key.enabled) return FORBIDDEN;
  const plan = gw.indexes.planForKey(key.id, target.apiId, target.stageName);
  if (plan === undefined) return FORBIDDEN;

  if (plan.quota !== undefined && remaining(gw.state, plan, key.id, now) === 0) return LIMIT_EXCEEDED;

  const compiled = rt.plans.get(plan, gw.indexes.version);
  const methodLimits = compiled.methodLimits.get(stage.apiStage)?.get(method.canonicalKey);
  if (methodLimits !== undefined) {
    const name = `${compiled.bucketName(key.id)}\u0000${stage.apiStage}\u0000${method.canonicalKey}`;
    if (!rt.buckets.tryTake(name, methodLimits, now)) return TOO_MANY_REQUESTS;
  } else if (
    compiled.limits !== undefined &&
    !rt.buckets.tryTake(compiled.bucketName(key.id), compiled.limits, now)
  ) {
    return TOO_MANY_REQUESTS;
  }
  if (!checkStageThrottle(rt, stage, method, now)) return TOO_MANY_REQUESTS;
  recordUsage(gw.state, plan.id, key.id, now);
  gw.store.changed();
  return undefined;
}

/** Stage methodSettings throttling: shared by every client of the stage (and its canary). */
function checkStageThrottle(
  rt: DataPlaneRuntime,
  stage: CompiledStage,
  method: CompiledMethod,
  now: number,
): boolean {
  const own = stage.throttles.byMethod.get(method.canonicalKey);
  if (own !== undefined) return rt.buckets.tryTake(stage.bucketPrefix + method.canonicalKey, own, now);
  const wildcard = stage.throttles.wildcard;
  return wildcard === undefined || rt.buckets.tryTake(stage.bucketPrefix + "*/*", wildcard, now);
}

function pickArm(stage: CompiledStage, rt: DataPlaneRuntime): CompiledArm | undefined {
  if (stage.canary !== undefined && chooseCanary(stage.percentTraffic, rt.random)) return stage.canary;
  return stage.base;
}

async function integrate(
  gw: GatewayContext,
  rt: DataPlaneRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  ids: RequestIds,
  served: Served & { readonly method: CompiledMethod },
  match: RouteMatch<Method>,
  target: Target,
): Promise<void> {
  const plan = served.method.integration;
  if (plan.kind === "mock") {
    const integrationStarted = performance.now();
    const response =
      plan.vtl === undefined
        ? plan.response
        : renderMockResponse(
            plan.vtl,
            await templateRequest(gw, req, ids, served, match, target),
            headerText(req.headers["content-type"]),
          );
    if (response === undefined) return reject(gw, res, ids, INTERNAL_ERROR, served);
    const headers = [
      "Content-Type",
      response.contentType,
      "Content-Length",
      String(response.body.length),
      "x-amzn-RequestId",
      ids.requestId,
      "x-amz-apigw-id",
      ids.apigwId,
    ];
    for (const [k, v] of Object.entries(response.headers ?? {})) headers.push(k, v);
    res.writeHead(response.status, headers);
    res.end(response.body);
    return recordServed(gw, served, response.status, performance.now() - integrationStarted);
  }
  if (plan.kind === "unsupported") return reject(gw, res, ids, INTERNAL_ERROR, served);
  const url = withQuery(renderUri(plan.uri, served.arm.variables, match.params), target.query);
  const outcome = await forwardRequest(req, res, url, {
    method: plan.httpMethod ?? req.method ?? "GET",
    timeoutMs: plan.timeoutMs,
    agents: rt.agents,
    ids,
  });
  recordServed(gw, served, outcome.status, outcome.integrationLatencyMs);
}

const headerText = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(",") : v);

const MAX_TEMPLATE_BODY = 10 * 1024 * 1024;

async function readRequestBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_TEMPLATE_BODY) break;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** What a mapping template sees of this request ($context, $input, $stageVariables). */
async function templateRequest(
  gw: GatewayContext,
  req: IncomingMessage,
  ids: RequestIds,
  served: Served & { readonly method: CompiledMethod },
  match: RouteMatch<Method>,
  target: Target,
): Promise<TemplateRequest> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    const text = headerText(v);
    if (text !== undefined) headers[k] = text;
  }
  const apiKey = headers["x-api-key"];
  return {
    requestId: ids.requestId,
    apigwId: ids.apigwId,
    apiId: target.apiId,
    accountId: gw.config.accountId,
    stage: target.stageName,
    resourceId: (match.resource as { id?: string }).id ?? "",
    resourcePath: served.method.resourcePath,
    httpMethod: req.method ?? "GET",
    path: target.path || "/",
    isCanary: served.arm.isCanary,
    sourceIp: req.socket.remoteAddress ?? "",
    headers,
    query: Object.fromEntries(new URLSearchParams(target.query)),
    pathParams: Object.fromEntries(Object.entries(match.params).map(([k, v]) => [k, decoded(v)])),
    stageVariables: served.arm.variables,
    body: await readRequestBody(req),
    apiKey,
    apiKeyId: apiKey ? gw.indexes.keyByValue(apiKey)?.id : undefined,
    nowMs: gw.clock.now(),
  };
}

/** Entry point for server.ts. Never throws for a request it can answer; resolves when the response is done. */
export async function handleDataPlane(
  req: IncomingMessage,
  res: ServerResponse,
  gw: GatewayContext,
): Promise<void> {
  const started = performance.now();
  const ids = newRequestIds();
  const target = parseDataPlaneUrl(req.url ?? "/");
  const entry = target && gw.indexes.stage(target.apiId, target.stageName);
  if (target === undefined || entry === undefined) return sendGatewayResponse(res, MISSING_AUTH_TOKEN, ids);
  // The default execute-api endpoint switched off: AWS answers 403 Forbidden for every call.
  if (entry.api.disableExecuteApiEndpoint) return sendGatewayResponse(res, FORBIDDEN, ids);

  const rt = dataPlaneRuntime(gw);
  const stage = compileStage(entry);
  const arm = pickArm(stage, rt);
  if (arm === undefined) return sendGatewayResponse(res, MISSING_AUTH_TOKEN, ids);
  const match = matchRoute(arm.routes, req.method ?? "GET", target.path);
  if (match === undefined)
    return reject(gw, res, ids, MISSING_AUTH_TOKEN, { stage, arm, method: undefined, started });

  const method = compileMethod(
    match.method,
    match.resource.path,
    match.methodKey,
    gw.config.integrationTimeoutMs,
  );
  const served = { stage, arm, method, started };
  const now = gw.clock.now();
  const refused = match.method.apiKeyRequired
    ? checkKey(gw, rt, req, target, stage, method, now)
    : checkStageThrottle(rt, stage, method, now)
      ? undefined
      : TOO_MANY_REQUESTS;
  if (refused !== undefined) return reject(gw, res, ids, refused, served);
  await integrate(gw, rt, req, res, ids, served, match, target);
}
