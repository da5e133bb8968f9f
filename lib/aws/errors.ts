import "server-only";
import { AppError } from "@/lib/errors";

type AwsLikeError = {
  name?: string;
  message?: string;
  retryAfterSeconds?: string | number;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
  $retryable?: unknown;
};

/** Tollgate's own control-plane budget refusing an attempt (lib/aws/budget.ts): mapped like AWS's 429. */
export const BUDGET_REFUSAL = "TollgateBudgetRefusal";

/** Seconds AWS asked us to wait (Retry-After header or the modelled retryAfterSeconds), if it said. */
function retryAfter(e: AwsLikeError): number | undefined {
  const raw = e.retryAfterSeconds ?? e.$response?.headers?.["retry-after"];
  const n = typeof raw === "number" ? raw : raw ? Number.parseInt(raw, 10) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/**
 * Maps an AWS SDK error to our error codes, once, at the lib/aws boundary. The message is AWS's own for
 * "invalid"/"conflict"/"not found" (they name the problem precisely); throttling gets a plain-words sentence with
 * the wait; anything else becomes "unavailable" without AWS's text.
 */
export function mapAwsError(error: unknown, what = "AWS"): AppError {
  if (error instanceof AppError) return error;
  const e = (error ?? {}) as AwsLikeError;
  const name = e.name ?? "";
  const status = e.$metadata?.httpStatusCode;
  const message = e.message?.trim() || `${what} refused the request.`;
  if (
    name === "NotFoundException" ||
    name === "ResourceNotFoundException" ||
    name === "ResourceNotFound" ||
    status === 404
  ) {
    return new AppError("not_found", message);
  }
  if (name === "ConflictException" || status === 409) return new AppError("conflict", message);
  if (
    name === "TooManyRequestsException" ||
    name === BUDGET_REFUSAL ||
    name === "LimitExceededException" ||
    name === "ThrottlingException" ||
    name === "Throttling" ||
    status === 429
  ) {
    const wait = retryAfter(e);
    return new AppError(
      "throttled",
      `${what} is limiting how fast this can change${wait ? `: try again in ${wait} second${wait === 1 ? "" : "s"}` : "; try again shortly"}.`,
      undefined,
      wait,
    );
  }
  if (
    name === "BadRequestException" ||
    name.startsWith("Validation") ||
    name.startsWith("InvalidParameter") ||
    status === 400
  ) {
    return new AppError("invalid", message);
  }
  if (
    name === "UnauthorizedException" ||
    name === "AccessDeniedException" ||
    status === 401 ||
    status === 403
  ) {
    return new AppError("forbidden", `Tollgate's AWS credentials may not do this (${name || status}).`);
  }
  return new AppError(
    "unavailable",
    `${what} could not be reached or failed; try again. (${name || status || "network error"})`,
  );
}

/** Runs one AWS operation and maps its failure. */
export async function aws<T>(fn: () => Promise<T>, what?: string): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw mapAwsError(e, what);
  }
}
