import { AppError, HTTP_STATUS, type ErrorCode } from "@/lib/errors";

/**
 * RFC 9457 problem details, the one error shape of /api/v1: `type`, `title`, `status`, `detail` (the same sentence
 * the console shows), `errors` (field → messages, as the console's forms show them) and the request id.
 */
export type ProblemCode =
  | ErrorCode
  | "token_missing"
  | "token_invalid"
  | "token_revoked"
  | "token_expired"
  | "scope_missing"
  | "address_refused"
  | "malformed_json"
  | "unsupported_media_type"
  | "payload_too_large"
  | "idempotency_mismatch"
  | "idempotency_in_progress";

const TITLES: Record<ProblemCode, [status: number, title: string]> = {
  unauthenticated: [401, "Not authenticated"],
  forbidden: [403, "Forbidden"],
  invalid: [400, "Invalid request"],
  not_found: [404, "Not found"],
  conflict: [409, "Conflict"],
  throttled: [429, "Too many requests"],
  unavailable: [503, "Unavailable"],
  internal: [500, "Internal error"],
  token_missing: [401, "Token missing"],
  token_invalid: [401, "Unknown token"],
  token_revoked: [401, "Token revoked"],
  token_expired: [401, "Token expired"],
  scope_missing: [403, "Scope missing"],
  address_refused: [403, "Address not allowed"],
  malformed_json: [400, "Malformed JSON"],
  unsupported_media_type: [415, "Unsupported media type"],
  payload_too_large: [413, "Payload too large"],
  idempotency_mismatch: [422, "Idempotency key reused"],
  idempotency_in_progress: [409, "Request in progress"],
};

export const PROBLEM_CODES = Object.keys(TITLES) as ProblemCode[];
export const problemType = (code: ProblemCode) => `urn:tollgate:problem:${code.replaceAll("_", "-")}`;

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: Record<string, string[]>;
  requestId: string;
};

export class ApiProblem extends Error {
  override name = "ApiProblem";
  constructor(
    readonly code: ProblemCode,
    message: string,
    readonly errors?: Record<string, string[]>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
  get status(): number {
    return TITLES[this.code][0];
  }
}

export function problemOf(
  code: ProblemCode,
  detail: string,
  requestId: string,
  errors?: Record<string, string[]>,
): Problem {
  const [status, title] = TITLES[code];
  return { type: problemType(code), title, status, detail, ...(errors ? { errors } : {}), requestId };
}

export function problemResponse(p: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(p), {
    status: p.status,
    headers: {
      "content-type": "application/problem+json",
      "cache-control": "no-store",
      "x-request-id": p.requestId,
      ...headers,
    },
  });
}

/** A feature's AppError as a problem: its code, status and message unchanged (the console's own words). */
export function fromAppError(
  e: AppError,
  requestId: string,
): { problem: Problem; headers: Record<string, string> } {
  const status = HTTP_STATUS[e.code];
  const problem = { ...problemOf(e.code, e.message, requestId, e.fieldErrors), status };
  const headers: Record<string, string> = {};
  if (e.code === "throttled" && e.retryAfterSeconds)
    headers["retry-after"] = String(Math.ceil(e.retryAfterSeconds));
  return { problem, headers };
}
