/**
 * The data plane's own responses (gateway responses in AWS terms): fixed bodies built once, plus the two ids every
 * response carries. Nothing here allocates more than the header array per request.
 */

import { randomBytes, randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";

export interface GatewayResponse {
  readonly status: number;
  readonly errorType: string | undefined;
  readonly body: Buffer;
}

function fixed(status: number, message: string, errorType?: string): GatewayResponse {
  return { status, errorType, body: Buffer.from(JSON.stringify({ message })) };
}

export const MISSING_AUTH_TOKEN = fixed(
  403,
  "Missing Authentication Token",
  "MissingAuthenticationTokenException",
);
export const FORBIDDEN = fixed(403, "Forbidden", "ForbiddenException");
export const TOO_MANY_REQUESTS = fixed(429, "Too Many Requests", "TooManyRequestsException");
export const LIMIT_EXCEEDED = fixed(429, "Limit Exceeded", "LimitExceededException");
export const BAD_GATEWAY = fixed(502, "Internal server error", "InternalServerErrorException");
export const INTERNAL_ERROR = fixed(500, "Internal server error", "InternalServerErrorException");
export const TIMED_OUT = fixed(504, "Endpoint request timed out");

export interface RequestIds {
  readonly requestId: string;
  readonly apigwId: string;
}

// x-amz-apigw-id looks like "Xy1AbCdEoAMF3dA=": a process-random prefix plus a counter is unique and cheap.
const apigwPrefix = randomBytes(6).toString("base64url");
let apigwCounter = 0;

export function newRequestIds(): RequestIds {
  apigwCounter = (apigwCounter + 1) % 0x7fffffff;
  return { requestId: randomUUID(), apigwId: `${apigwPrefix}${apigwCounter.toString(36).padStart(6, "0")}=` };
}

export function sendGatewayResponse(res: ServerResponse, response: GatewayResponse, ids: RequestIds): void {
  const headers = [
    "Content-Type",
    "application/json",
    "Content-Length",
    String(response.body.length),
    "x-amzn-RequestId",
    ids.requestId,
    "x-amz-apigw-id",
    ids.apigwId,
  ];
  if (response.errorType !== undefined) headers.push("x-amzn-ErrorType", response.errorType);
  res.writeHead(response.status, headers);
  res.end(response.body);
}
