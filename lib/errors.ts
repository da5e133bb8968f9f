/**
 * Expected failures, mapped once to a code the UI can act on. Anything else is unexpected: it is logged with the
 * request id and shown as a generic message (never raw SDK or Prisma text).
 */
export type ErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "invalid"
  | "not_found"
  | "conflict"
  | "throttled"
  | "unavailable"
  | "internal";

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} was not found.`);
export const forbidden = (message = "You do not have permission to do that.") =>
  new AppError("forbidden", message);
export const conflict = (message: string, field?: string) =>
  new AppError("conflict", message, field ? { [field]: [message] } : undefined);
export const invalid = (message: string, field?: string) =>
  new AppError("invalid", message, field ? { [field]: [message] } : undefined);
export const throttled = (message: string, retryAfterSeconds: number) =>
  new AppError("throttled", message, undefined, retryAfterSeconds);

export const HTTP_STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  invalid: 400,
  not_found: 404,
  conflict: 409,
  throttled: 429,
  unavailable: 503,
  internal: 500,
};
