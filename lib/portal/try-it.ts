import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { catalogEntry } from "./catalog";

/**
 * "Try it": one request from the reference to a stage of the partner's own catalog, with the key the partner pasted
 * (sent as x-api-key, never stored or logged). Not an open proxy: the target is always the stage's invoke URL plus
 * a path (no other host, no `..`, no scheme or authority in the path), redirects are not followed, and headers that
 * would change what the request means to a proxy or the gateway (hop-by-hop, Host, Content-Length, method override,
 * forwarding, cookies) are refused, as are CR/LF in any name or value. Bodies up to 64 KB, answers read up to
 * 256 KB, TRY_IT_TIMEOUT_MS to answer.
 */

export const TRY_IT_MAX_BODY = 64 * 1024;
export const TRY_IT_MAX_RESPONSE = 256 * 1024;
export const TRY_IT_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

const REFUSED_HEADERS = new Set([
  "host",
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authorization",
  "proxy-authenticate",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "content-length",
  "expect",
  "cookie",
  "forwarded",
  "via",
  "x-http-method-override",
  "x-http-method",
  "x-method-override",
  "x-api-key",
]);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Visible ASCII, space and tab; no CR, LF or NUL (header smuggling).
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;

export const tryItInput = z.object({
  apiId: z.string().min(1).max(64),
  stage: z.string().min(1).max(128),
  method: z.enum(TRY_IT_METHODS, { error: "Choose one of GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS." }),
  path: z.string().min(1).max(2048),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string().optional(),
  apiKey: z.string().max(256).optional(),
});
export type TryItInput = z.infer<typeof tryItInput>;

export type TryItResultDto = {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
  truncated: boolean;
  latencyMs: number;
};

const refuse = (message: string, field?: string) =>
  new AppError("invalid", message, field ? { [field]: [message] } : undefined);

/** The URL the request goes to: the stage's base URL + the path, or a refusal. Pure; exported for tests. */
export function targetUrl(baseUrl: string, path: string): URL {
  if (!path.startsWith("/") || path.startsWith("//"))
    throw refuse("The path must start with a single / (for example /orders).", "path");
  if (/[\s\\#]|%2e|%2f|%5c/i.test(path) || path.split(/[/?]/).some((seg) => seg === ".." || seg === "."))
    throw refuse("The path may not contain spaces, backslashes, #, dot segments or encoded slashes.", "path");
  const base = new URL(baseUrl);
  const url = new URL(`${base.pathname.replace(/\/$/, "")}${path}`, base.origin);
  const basePath = base.pathname.replace(/\/$/, "");
  if (url.origin !== base.origin || !(url.pathname === basePath || url.pathname.startsWith(`${basePath}/`)))
    throw refuse("Requests can only go to this stage's invoke URL.", "path");
  return url;
}

/** The headers to send, or a refusal naming the first bad one. Pure; exported for tests. */
export function safeHeaders(raw: Record<string, string>): Headers {
  const entries = Object.entries(raw);
  if (entries.length > 20) throw refuse("Send at most 20 headers.", "headers");
  const out = new Headers();
  for (const [name, value] of entries) {
    if (!TOKEN.test(name)) throw refuse(`"${name.slice(0, 40)}" is not a valid header name.`, "headers");
    const lower = name.toLowerCase();
    if (REFUSED_HEADERS.has(lower) || lower.startsWith("x-forwarded-") || lower.startsWith("proxy-"))
      throw refuse(
        lower === "x-api-key"
          ? "Paste the key in the API key field, not as a header."
          : `The ${name} header cannot be sent from Try it.`,
        "headers",
      );
    if (!HEADER_VALUE.test(value) || value.length > 4096)
      throw refuse(`The value of ${name} has line breaks or characters a header cannot carry.`, "headers");
    out.set(name, value);
  }
  return out;
}

async function readLimited(res: Response): Promise<{ body: string; truncated: boolean }> {
  if (!res.body) return { body: "", truncated: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > TRY_IT_MAX_RESPONSE) {
      truncated = true;
      await reader.cancel();
      break;
    }
  }
  const all = Buffer.concat(chunks).subarray(0, TRY_IT_MAX_RESPONSE);
  return { body: all.toString("utf8"), truncated };
}

/** Partners: sends the request to a stage of their own catalog (anything else answers not_found). */
export async function tryIt(actor: Actor, input: TryItInput): Promise<TryItResultDto> {
  const entry = await catalogEntry(actor, input.apiId, input.stage);
  const url = targetUrl(entry.baseUrl, input.path);
  const headers = safeHeaders(input.headers);
  if (input.apiKey !== undefined && input.apiKey !== "") {
    if (!/^[\x21-\x7e]+$/.test(input.apiKey))
      throw refuse("An API key has no spaces, line breaks or other special characters.", "apiKey");
    headers.set("x-api-key", input.apiKey);
  }
  const body = input.body ?? "";
  if (Buffer.byteLength(body) > TRY_IT_MAX_BODY)
    throw refuse(`The body is larger than ${TRY_IT_MAX_BODY / 1024} KB.`, "body");
  if (body !== "" && (input.method === "GET" || input.method === "HEAD"))
    throw refuse(`A ${input.method} request cannot have a body.`, "body");
  const started = performance.now();
  let res: Response;
  try {
    res = await fetch(url, {
      method: input.method,
      headers,
      redirect: "manual",
      signal: AbortSignal.timeout(env.TRY_IT_TIMEOUT_MS),
      ...(body !== "" ? { body } : {}),
    });
  } catch (e) {
    if (e instanceof DOMException && (e.name === "TimeoutError" || e.name === "AbortError"))
      throw new AppError("unavailable", `The API did not answer within ${env.TRY_IT_TIMEOUT_MS / 1000} s.`);
    // No detail of the failure: it could name internal addresses. The key is in no message.
    throw new AppError("unavailable", "The API could not be reached.");
  }
  let read: { body: string; truncated: boolean };
  try {
    read = await readLimited(res);
  } catch {
    throw new AppError(
      "unavailable",
      `The API did not finish answering within ${env.TRY_IT_TIMEOUT_MS / 1000} s.`,
    );
  }
  return {
    status: res.status,
    statusText: res.statusText,
    headers: [...res.headers.entries()].filter(([k]) => k !== "set-cookie"),
    body: read.body,
    truncated: read.truncated,
    latencyMs: Math.round(performance.now() - started),
  };
}
