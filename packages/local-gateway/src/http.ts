import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gunzipSync } from "node:zlib";

/** What a control-plane handler returns; `body` is JSON-encoded unless it is a Buffer or string. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Thrown by handlers for AWS-shaped errors; server.ts turns it into a Reply (v1/v2 or CloudWatch shape). */
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new GatewayError(400, "BadRequestException", message);
export const notFound = (message: string, extra: Record<string, unknown> = {}) =>
  new GatewayError(404, "NotFoundException", message, extra);
export const conflict = (message: string) => new GatewayError(409, "ConflictException", message);

/** v1/v2 error reply: status + `x-amzn-ErrorType` + `{"message"}`. */
export function awsError(
  status: number,
  type: string,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Reply {
  return { status, headers: { "x-amzn-ErrorType": type, ...headers }, body: { message, ...extra } };
}

export function newRequestId(): string {
  return randomUUID();
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Reads the whole body; gunzips `Content-Encoding: gzip` (the CloudWatch SDK compresses bodies ≥ 10 KB). */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_BODY_BYTES)
      throw new GatewayError(413, "RequestEntityTooLargeException", "Request too large");
    chunks.push(b);
  }
  const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  const encoding = String(req.headers["content-encoding"] ?? "").toLowerCase();
  if (encoding.includes("gzip")) {
    try {
      return gunzipSync(raw);
    } catch {
      throw badRequest("Could not decompress the gzip request body");
    }
  }
  return raw;
}

/** Parses a JSON object body; an empty body is `{}`. */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw badRequest("Invalid request body: not valid JSON");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw badRequest("Invalid request body: expected a JSON object");
  }
  return parsed as Record<string, unknown>;
}

// Members AWS's models type as double: AWS writes them with a decimal point ("rateLimit": 2.0), so clients
// that keep JSON's int/float distinction (botocore, hence the AWS CLI) show 2.0 as AWS's answers do.
const DOUBLE_MEMBER = /(?<!\\)"(percentTraffic|rateLimit|throttlingRateLimit)":(-?\d+)(?=[,}])/g;

export function withDoubles(json: string): string {
  return json.replace(DOUBLE_MEMBER, '"$1":$2.0');
}

export function sendReply(
  res: ServerResponse,
  reply: Reply,
  requestId: string,
  contentType = "application/json",
): void {
  const headers: Record<string, string> = { "x-amzn-RequestId": requestId, ...reply.headers };
  let payload: Buffer | string | undefined;
  if (reply.body === undefined) payload = undefined;
  else if (Buffer.isBuffer(reply.body) || typeof reply.body === "string") payload = reply.body;
  else payload = withDoubles(JSON.stringify(reply.body));
  if (payload !== undefined) {
    if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type"))
      headers["Content-Type"] = contentType;
    headers["Content-Length"] = String(Buffer.byteLength(payload));
  } else {
    headers["Content-Length"] = "0";
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

export interface CompiledRoute<T> {
  method: string;
  regex: RegExp;
  names: string[];
  /** Required query parameter ("mode=import"): same path, different operation. */
  query: [string, string] | undefined;
  value: T;
}

/** Compiles "/restapis/{restapi_id}/stages/{stage_name}[?k=v]" into a matcher; labels never span a "/". */
export function compileRoute<T>(method: string, pattern: string, value: T): CompiledRoute<T> {
  const names: string[] = [];
  const [pathPattern = "", q] = pattern.split("?");
  const eq = q?.indexOf("=") ?? -1;
  const query: [string, string] | undefined = q && eq > 0 ? [q.slice(0, eq), q.slice(eq + 1)] : undefined;
  const source = pathPattern
    .split("/")
    .map((seg) => {
      const m = /^\{(\w+)\}$/.exec(seg);
      if (m) {
        names.push(m[1]!);
        return "([^/]+)";
      }
      return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return { method, regex: new RegExp(`^${source}/?$`), names, query, value };
}

/** Finds the route for method+path; path labels are percent-decoded (the SDK encodes "/" and ":" in labels). */
export function matchRoute<T>(
  routes: readonly CompiledRoute<T>[],
  method: string,
  path: string,
  query?: URLSearchParams,
): { route: CompiledRoute<T>; params: Record<string, string> } | { methodNotAllowed: boolean } {
  let pathMatched = false;
  for (const route of routes) {
    const m = route.regex.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    if (route.query && query?.get(route.query[0]) !== route.query[1]) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => {
      const raw = m[i + 1] ?? "";
      try {
        params[name] = decodeURIComponent(raw);
      } catch {
        params[name] = raw;
      }
    });
    return { route, params };
  }
  return { methodNotAllowed: pathMatched };
}
