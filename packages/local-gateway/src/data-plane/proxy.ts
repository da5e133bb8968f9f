/**
 * HTTP_PROXY forwarding: the client's method, headers (minus hop-by-hop ones), query and streamed body go to the
 * rendered integration URI over a shared keep-alive agent; the upstream's status, headers and streamed body come
 * back. Upstream unreachable → 502, no response headers within the integration timeout → 504.
 * The bench's bare proxy uses the same function, so both arms pay for the same forwarding work.
 */

import { Agent, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { performance } from "node:perf_hooks";
import { BAD_GATEWAY, type RequestIds, sendGatewayResponse, TIMED_OUT } from "./responses";

/** Lower-case names that describe one connection, not the request, and must not be forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "host",
]);

export interface UpstreamAgents {
  readonly http: Agent;
  readonly https: HttpsAgent;
  destroy(): void;
}

/** One pool per gateway: keep-alive sockets, bounded so a slow upstream cannot exhaust file descriptors. */
export function createUpstreamAgents(maxSockets = 256): UpstreamAgents {
  const http = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: "lifo" });
  const https = new HttpsAgent({
    keepAlive: true,
    maxSockets,
    maxFreeSockets: maxSockets,
    scheduling: "lifo",
  });
  return {
    http,
    https,
    destroy() {
      http.destroy();
      https.destroy();
    },
  };
}

export interface ForwardOptions {
  readonly method: string;
  readonly timeoutMs: number;
  readonly agents: UpstreamAgents;
  /** Added to the response; the bare bench proxy passes none. */
  readonly ids: RequestIds | undefined;
}

export interface ForwardOutcome {
  /** What the client got: the upstream's status, 502 or 504. */
  readonly status: number;
  /** ms from dispatch to the upstream's response headers (or to the failure). */
  readonly integrationLatencyMs: number;
}

function forwardHeaders(raw: readonly string[], host: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    if (!HOP_BY_HOP.has(name.toLowerCase())) out.push(name, raw[i + 1] as string);
  }
  out.push("Host", host);
  return out;
}

function responseHeaders(raw: readonly string[], ids: RequestIds | undefined): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    const lower = name.toLowerCase();
    if (lower !== "connection" && lower !== "keep-alive" && lower !== "transfer-encoding") {
      out.push(name, raw[i + 1] as string);
    }
  }
  if (ids !== undefined) out.push("x-amzn-RequestId", ids.requestId, "x-amz-apigw-id", ids.apigwId);
  return out;
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  return (length !== undefined && length !== "0") || req.headers["transfer-encoding"] !== undefined;
}

function fail(res: ServerResponse, ids: RequestIds | undefined, timedOut: boolean): number {
  const response = timedOut ? TIMED_OUT : BAD_GATEWAY;
  if (res.headersSent) res.destroy();
  else if (ids !== undefined) sendGatewayResponse(res, response, ids);
  else {
    res.writeHead(response.status, {
      "Content-Type": "application/json",
      "Content-Length": response.body.length,
    });
    res.end(response.body);
  }
  return response.status;
}

/** Resolves once the response to the client has finished (or the client went away). Never rejects. */
export function forwardRequest(
  req: IncomingMessage,
  res: ServerResponse,
  target: string,
  options: ForwardOptions,
): Promise<ForwardOutcome> {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return Promise.resolve({ status: fail(res, options.ids, false), integrationLatencyMs: 0 });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return Promise.resolve({ status: fail(res, options.ids, false), integrationLatencyMs: 0 });
  }
  return new Promise((resolve) => {
    const started = performance.now();
    let integrationLatencyMs = -1;
    let status = 0;
    let settled = false;
    let timedOut = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (integrationLatencyMs < 0) integrationLatencyMs = performance.now() - started;
      resolve({ status, integrationLatencyMs });
    };

    const secure = url.protocol === "https:";
    const upstream = (secure ? httpsRequest : httpRequest)({
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port,
      path: url.pathname + url.search,
      method: options.method,
      headers: forwardHeaders(req.rawHeaders, url.host),
      agent: secure ? options.agents.https : options.agents.http,
    });
    const timer = setTimeout(() => {
      timedOut = true;
      upstream.destroy();
    }, options.timeoutMs);

    upstream.on("response", (upRes) => {
      clearTimeout(timer);
      integrationLatencyMs = performance.now() - started;
      status = upRes.statusCode ?? 502;
      res.writeHead(status, responseHeaders(upRes.rawHeaders, options.ids));
      upRes.pipe(res);
      upRes.on("error", () => res.destroy());
    });
    upstream.on("error", () => {
      if (settled) return;
      if (integrationLatencyMs < 0) integrationLatencyMs = performance.now() - started;
      status = fail(res, options.ids, timedOut);
      finish();
    });
    res.on("finish", finish);
    res.on("close", () => {
      // The client went away before its response finished: stop working for it.
      if (!res.writableFinished) upstream.destroy();
      finish();
    });

    if (hasBody(req)) req.pipe(upstream);
    else upstream.end();
  });
}
