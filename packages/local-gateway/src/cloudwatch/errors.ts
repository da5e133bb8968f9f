import { GatewayError } from "../http";

// server.ts turns a GatewayError on a CloudWatch request into the query-compatible shape:
// status + `x-amzn-query-error: <Code>;Sender` + `{"__type":"com.amazonaws.cloudwatch#<Code>","message"}`.

export const invalidValue = (message: string) => new GatewayError(400, "InvalidParameterValue", message);
export const missingParameter = (name: string) =>
  new GatewayError(400, "MissingParameter", `The parameter ${name} is required.`);
/** AWS's model-constraint failures (patterns, lengths, enums); not modelled, so the SDK names it ValidationError. */
export const validationError = (message: string) => new GatewayError(400, "ValidationError", message);
export const invalidNextToken = () =>
  new GatewayError(400, "InvalidNextToken", "The service cannot process the NextToken.");
export const resourceNotFound = (message: string) => new GatewayError(404, "ResourceNotFound", message);
export const limitExceeded = (message: string) => new GatewayError(400, "LimitExceeded", message);

/** Wire timestamps are epoch seconds (possibly fractional); ISO strings are accepted too. Returns ms. */
export function parseTimestamp(raw: unknown, name: string): number {
  let ms: number;
  if (typeof raw === "number") ms = raw * 1000;
  else if (typeof raw === "string" && /^-?\d+(\.\d+)?$/.test(raw)) ms = Number(raw) * 1000;
  else if (typeof raw === "string") ms = Date.parse(raw);
  else ms = NaN;
  if (!Number.isFinite(ms)) throw invalidValue(`The parameter ${name} must be a valid timestamp.`);
  return Math.round(ms);
}

export function optionalString(raw: unknown, name: string): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== "string") throw validationError(`The value for parameter ${name} must be a string.`);
  return raw;
}

export function requiredString(raw: unknown, name: string): string {
  const v = optionalString(raw, name);
  if (v === undefined || v === "") throw missingParameter(name);
  return v;
}

export function optionalNumber(raw: unknown, name: string): number | undefined {
  if (raw === undefined || raw === null) return undefined;
  const n = typeof raw === "string" ? Number(raw) : raw;
  if (typeof n !== "number" || !Number.isFinite(n))
    throw invalidValue(`The value for parameter ${name} must be a number.`);
  return n;
}

/** Epoch seconds for the wire, keeping millisecond precision. */
export const toEpochSeconds = (ms: number): number => ms / 1000;

/** Opaque paging tokens: base64url JSON bound to the request they came from. */
export function encodeToken(payload: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(payload)).toString("base64url");
}

export function decodeToken(token: unknown): Record<string, unknown> {
  if (typeof token !== "string") throw invalidNextToken();
  try {
    const v: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (v && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw invalidNextToken();
}
