import { describe, expect, it } from "vitest";
import { mapAwsError } from "./errors";

const err = (name: string, status: number, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${name} text`), { name, $metadata: { httpStatusCode: status }, ...extra });

describe("mapAwsError", () => {
  it.each([
    ["NotFoundException", 404, "not_found"],
    ["ConflictException", 409, "conflict"],
    ["BadRequestException", 400, "invalid"],
    ["ValidationException", 400, "invalid"],
    ["InvalidParameterValueException", 400, "invalid"],
    ["TooManyRequestsException", 429, "throttled"],
    ["LimitExceededException", 429, "throttled"],
    ["UnauthorizedException", 401, "forbidden"],
    ["ServiceUnavailableException", 503, "unavailable"],
    ["InternalFailure", 500, "unavailable"],
  ])("%s (%i) → %s", (name, status, code) => {
    expect(mapAwsError(err(name, status)).code).toBe(code);
  });

  it("keeps AWS's own message for invalid, conflict and not found", () => {
    expect(mapAwsError(err("BadRequestException", 400)).message).toBe("BadRequestException text");
  });

  it("turns throttling into plain words with the wait from Retry-After or retryAfterSeconds", () => {
    const fromHeader = mapAwsError(
      err("TooManyRequestsException", 429, { $response: { headers: { "retry-after": "20" } } }),
      "API Gateway",
    );
    expect(fromHeader.message).toBe(
      "API Gateway is limiting how fast this can change: try again in 20 seconds.",
    );
    expect(fromHeader.retryAfterSeconds).toBe(20);
    expect(
      mapAwsError(err("TooManyRequestsException", 429, { retryAfterSeconds: "5" })).retryAfterSeconds,
    ).toBe(5);
    expect(mapAwsError(err("TooManyRequestsException", 429)).message).toMatch(/try again shortly/);
  });

  it("never echoes unknown failures' raw text", () => {
    const mapped = mapAwsError(
      Object.assign(new Error("socket hang up ECONNRESET secret-ish detail"), { name: "Error" }),
    );
    expect(mapped.code).toBe("unavailable");
    expect(mapped.message).not.toContain("secret-ish");
  });
});
