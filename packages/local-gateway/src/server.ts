import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { systemClock, type Clock } from "./clock";
import { evaluateAllAlarms } from "./cloudwatch/alarms";
import { handleCloudWatch } from "./cloudwatch/handler";
import { MetricStore } from "./cloudwatch/metric-store";
import {
  QUERY_CONTENT_TYPE,
  parseQueryRequest,
  queryError,
  queryResponse,
} from "./cloudwatch/query-protocol";
import { loadConfig, type GatewayConfig } from "./config";
import type { GatewayContext, OpContext } from "./context";
import { ControlLimits } from "./control-limits";
import { customDomainTarget, isCustomDomain } from "./data-plane/custom-domain";
import { handleDataPlane } from "./data-plane/handler";
import { FORBIDDEN, newRequestIds, sendGatewayResponse } from "./data-plane/responses";
import { closeDataPlane } from "./data-plane/runtime";
import { parseConfigChange } from "./admin-config";
import { Faults } from "./faults";
import {
  GatewayError,
  awsError,
  compileRoute,
  matchRoute,
  newRequestId,
  readBody,
  sendReply,
  type Reply,
} from "./http";
import type { OpHandler } from "./routes";
import { buildIndexes } from "./state/indexes";
import { StateStore } from "./state/store";
import type { GatewayState } from "./state/types";
import { v1Routes } from "./v1/routes";
import { v2Routes } from "./v2/routes";

export interface GatewayOptions extends Partial<Omit<GatewayConfig, "controlLimits">> {
  controlLimits?: boolean;
  clock?: Clock;
  /** Random source for fault rates (tests make it deterministic). */
  random?: () => number;
  /** Waits out an injected fault's latency; real time by default, tests pass a fake one. */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface Gateway {
  readonly url: string;
  readonly port: number;
  readonly state: GatewayState;
  readonly metrics: MetricStore;
  readonly ctx: GatewayContext;
  close(): Promise<void>;
}

const CLOUDWATCH_TARGET = "GraniteServiceVersion20100801.";
const CLOUDWATCH_JSON = "application/x-amz-json-1.0";

const compiledV1 = v1Routes.map(([m, p, op, h]) => compileRoute<[string, OpHandler]>(m, p, [op, h]));
const compiledV2 = v2Routes.map(([m, p, op, h]) => compileRoute<[string, OpHandler]>(m, p, [op, h]));

function errorReply(e: unknown, cloudWatch: boolean, queryRequestId?: string): Reply {
  if (e instanceof GatewayError && queryRequestId !== undefined) {
    return {
      status: e.status,
      headers: { "Content-Type": "text/xml", ...e.headers },
      body: queryError(e.type, e.message, e.status < 500, queryRequestId),
    };
  }
  if (e instanceof GatewayError) {
    if (cloudWatch) {
      const fault = e.status >= 500 ? "Receiver" : "Sender";
      return {
        status: e.status,
        headers: {
          "x-amzn-query-error": `${e.type};${fault}`,
          "Content-Type": CLOUDWATCH_JSON,
          ...e.headers,
        },
        body: { __type: `com.amazonaws.cloudwatch#${e.type}`, message: e.message, ...e.extra },
      };
    }
    return awsError(e.status, e.type, e.message, e.extra, e.headers);
  }
  console.error("local-gateway: unhandled error", e);
  if (cloudWatch)
    return errorReply(new GatewayError(500, "InternalServiceError", "Internal error"), true, queryRequestId);
  return awsError(500, "InternalFailure", "Internal server error");
}

function faultError(status: 429 | 500 | 503): GatewayError {
  if (status === 429)
    return new GatewayError(429, "TooManyRequestsException", "Too Many Requests", {}, { "Retry-After": "1" });
  if (status === 503)
    return new GatewayError(
      503,
      "ServiceUnavailableException",
      "Service Unavailable",
      {},
      { "Retry-After": "1" },
    );
  return new GatewayError(500, "InternalFailure", "Internal server error");
}

function cloudWatchFaultError(status: 429 | 500 | 503): GatewayError {
  if (status === 429) return new GatewayError(429, "Throttling", "Rate exceeded");
  if (status === 503) return new GatewayError(503, "ServiceUnavailable", "Service Unavailable");
  return new GatewayError(500, "InternalServiceError", "Internal error");
}

export async function createGateway(opts: GatewayOptions = {}): Promise<Gateway> {
  const base = loadConfig();
  const config: GatewayConfig = {
    ...base,
    ...Object.fromEntries(Object.entries(opts).filter(([k, v]) => v !== undefined && k in base)),
  };
  const clock = opts.clock ?? systemClock;
  const store = StateStore.open(config.dataDir);
  const metrics = new MetricStore({ dataDir: config.dataDir, clock, evaluateAlarms: evaluateAllAlarms });
  const faults = new Faults(opts.random);
  const sleep = opts.sleep ?? realSleep;
  // Checked per request, so a host (the demo) can seed with limits off and then switch them on.
  const limits = new ControlLimits(clock);
  const calls = new Map<string, number>();
  // The same operation name exists in v1 and v2 (CreateStage, …); the per-service view tells them apart.
  const callsByService = new Map<string, Map<string, number>>();
  let callsSince = clock.now();

  const ctx: GatewayContext = {
    config,
    state: store.state,
    store,
    clock,
    metrics,
    indexes: buildIndexes(store.state),
    url: "",
    dataPlane: undefined,
    changed() {
      ctx.indexes = buildIndexes(store.state);
      store.changed();
    },
  };

  async function admin(req: IncomingMessage, path: string): Promise<Reply> {
    const method = req.method ?? "GET";
    if (path === "/_localgateway/health" && method === "GET") return { status: 200, body: { status: "ok" } };
    if (path === "/_localgateway/faults") {
      if (method === "GET") return { status: 200, body: { rules: faults.list() } };
      if (method === "DELETE") {
        faults.clear();
        return { status: 204 };
      }
      if (method === "POST") {
        let body: unknown;
        try {
          body = JSON.parse((await readBody(req)).toString("utf8"));
        } catch {
          return awsError(400, "BadRequestException", "Invalid fault: the body must be a JSON object");
        }
        const added = faults.add(body);
        return added.ok
          ? { status: 201, body: added.rule }
          : awsError(400, "BadRequestException", added.message);
      }
    }
    if (path === "/_localgateway/config") {
      // Hosts switch AWS's control-plane limits on after seeding (the demo, e2e specs); nothing else is settable.
      if (method === "GET") return { status: 200, body: { controlLimits: ctx.config.controlLimits } };
      if (method === "PUT") {
        const change = parseConfigChange(await readBody(req));
        if (!change.ok) return awsError(400, "BadRequestException", change.message);
        ctx.config.controlLimits = change.controlLimits;
        return { status: 200, body: { controlLimits: ctx.config.controlLimits } };
      }
    }
    if (path === "/_localgateway/calls") {
      if (method === "GET") {
        const services = Object.fromEntries(
          [...callsByService].map(([svc, m]) => [svc, Object.fromEntries(m)]),
        );
        return {
          status: 200,
          body: { since: new Date(callsSince).toISOString(), calls: Object.fromEntries(calls), services },
        };
      }
      if (method === "DELETE") {
        calls.clear();
        callsByService.clear();
        callsSince = clock.now();
        return { status: 204 };
      }
    }
    return awsError(404, "NotFoundException", `Unknown admin endpoint ${method} ${path}`);
  }

  async function controlPlane(
    req: IncomingMessage,
    path: string,
    query: string,
    requestId: string,
  ): Promise<Reply> {
    const method = req.method ?? "GET";
    const target = String(req.headers["x-amz-target"] ?? "");
    // CloudWatch's awsQuery protocol (older CLIs and boto3): a form body with Action=<Op>, answered in XML.
    const cloudWatchQuery =
      method === "POST" &&
      path === "/" &&
      !target &&
      String(req.headers["content-type"] ?? "").startsWith(QUERY_CONTENT_TYPE);
    const cloudWatch =
      cloudWatchQuery || (method === "POST" && path === "/" && target.startsWith(CLOUDWATCH_TARGET));
    let preread: Buffer | undefined;
    try {
      let op: string;
      let handler: OpHandler;
      let params: Record<string, string> = {};
      if (cloudWatchQuery) {
        preread = await readBody(req);
        const { action, input } = parseQueryRequest(preread);
        op = action;
        preread = Buffer.from(JSON.stringify(input));
        handler = async (c) => {
          const reply = await handleCloudWatch(c);
          return {
            status: reply.status,
            headers: { "Content-Type": "text/xml" },
            body: queryResponse(action, reply.body, requestId),
          };
        };
      } else if (cloudWatch) {
        op = target.slice(CLOUDWATCH_TARGET.length);
        handler = handleCloudWatch;
      } else {
        const routes = path.startsWith("/v2/") ? compiledV2 : compiledV1;
        const found = matchRoute(routes, method, path, new URLSearchParams(query));
        if (!("route" in found)) {
          if (found.methodNotAllowed)
            throw new GatewayError(
              405,
              "MethodNotAllowedException",
              `Method ${method} not allowed on ${path}`,
            );
          throw new GatewayError(404, "NotFoundException", `Unknown operation: ${method} ${path}`);
        }
        [op, handler] = found.route.value;
        params = found.params;
      }
      calls.set(op, (calls.get(op) ?? 0) + 1);
      const service = cloudWatch ? "cloudwatch" : path.startsWith("/v2/") ? "apigatewayv2" : "apigateway";
      let perService = callsByService.get(service);
      if (!perService) callsByService.set(service, (perService = new Map()));
      perService.set(op, (perService.get(op) ?? 0) + 1);

      // The whole request is received before any injected latency, so a client that disconnects while it waits
      // still has its change applied (as with AWS): the console's crash tests rely on that.
      const body = preread ?? (await readBody(req));
      const fault = faults.pick(op);
      if (fault) {
        if (fault.latencyMs > 0) await sleep(fault.latencyMs);
        if (fault.status) throw cloudWatch ? cloudWatchFaultError(fault.status) : faultError(fault.status);
      }
      if (ctx.config.controlLimits && !cloudWatch) {
        const retryAfter = limits.admit(op);
        if (retryAfter !== undefined) {
          throw new GatewayError(
            429,
            "TooManyRequestsException",
            "Too Many Requests",
            {},
            { "Retry-After": String(retryAfter) },
          );
        }
      }
      const opCtx: OpContext = {
        gw: ctx,
        op,
        method,
        path,
        params,
        query: new URLSearchParams(query),
        headers: req.headers,
        body,
        requestId,
      };
      const reply = await handler(opCtx);
      if (cloudWatch) reply.headers = { "Content-Type": CLOUDWATCH_JSON, ...reply.headers };
      return reply;
    } catch (e) {
      return errorReply(e, cloudWatch, cloudWatchQuery ? requestId : undefined);
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const rawUrl = req.url ?? "/";
    const q = rawUrl.indexOf("?");
    const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
    // A custom domain name's Host: its base path mapping picks the API stage (data-plane/custom-domain.ts).
    const domains = ctx.state.domainNames;
    if (
      domains !== undefined &&
      Object.keys(domains).length > 0 &&
      isCustomDomain(ctx.state, req.headers.host)
    ) {
      const mapped = customDomainTarget(ctx.state, req.headers.host, rawUrl);
      if (mapped === undefined) return sendGatewayResponse(res, FORBIDDEN, newRequestIds());
      req.url = mapped;
      void Promise.resolve(handleDataPlane(req, res, ctx)).catch((e: unknown) => {
        console.error("local-gateway: data plane error", e);
        if (!res.headersSent)
          sendReply(res, awsError(500, "InternalFailure", "Internal server error"), newRequestId());
        else res.destroy();
      });
      return;
    }
    // Data plane first and without any extra work: /restapis/{id}/{stage}/_user_request_/…
    if (path.startsWith("/restapis/")) {
      const third = path.indexOf("/", path.indexOf("/", 10) + 1);
      if (third !== -1 && path.startsWith("/_user_request_", third)) {
        void Promise.resolve(handleDataPlane(req, res, ctx)).catch((e: unknown) => {
          console.error("local-gateway: data plane error", e);
          if (!res.headersSent)
            sendReply(res, awsError(500, "InternalFailure", "Internal server error"), newRequestId());
          else res.destroy();
        });
        return;
      }
    }
    const requestId = newRequestId();
    const work = path.startsWith("/_localgateway/")
      ? admin(req, path).catch((e: unknown) => errorReply(e, false))
      : controlPlane(req, path, q === -1 ? "" : rawUrl.slice(q + 1), requestId);
    // Replies are built from caught errors, so what can still fail here is writing the reply: log it, drop the socket.
    work
      .then((reply) => sendReply(res, reply, requestId))
      .catch((e: unknown) => {
        console.error("local-gateway: sending a reply failed", e);
        res.destroy();
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  ctx.url = `http://${config.host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: ctx.url,
    port,
    state: store.state,
    metrics,
    ctx,
    close() {
      closing ??= (async () => {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        closeDataPlane(ctx);
        await store.close();
        await metrics.close();
      })();
      return closing;
    },
  };
}
