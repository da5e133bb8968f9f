import { describe, expect, it } from "vitest";
import type { Integration } from "../state/types";
import { compileMockResponse, mockStatusCode } from "./mock";

describe("mockStatusCode", () => {
  it.each([
    [undefined, 200],
    [{}, 200],
    [{ "application/json": '{"statusCode": 200}' }, 200],
    [{ "application/json": '{ "statusCode" : 404 }' }, 404],
    [{ "text/plain": "{statusCode: 503}" }, 503],
    [{ "application/json": '#set($x = 1)\n{"statusCode": "201"}' }, 201],
    [{ "application/json": "{}" }, 200],
  ])("%j → %i", (templates, expected) => {
    expect(mockStatusCode(templates)).toBe(expected);
  });
});

function integration(partial: Partial<Integration>): Integration {
  return { type: "MOCK", timeoutInMillis: 29_000, ...partial };
}

describe("compileMockResponse", () => {
  it("returns the integration response chosen by the request template's status", () => {
    const r = compileMockResponse(
      integration({
        requestTemplates: { "application/json": '{"statusCode": 404}' },
        integrationResponses: {
          "200": { statusCode: "200", responseTemplates: { "application/json": '{"ok":true}' } },
          "404": {
            statusCode: "404",
            selectionPattern: "404",
            responseTemplates: { "application/json": '{"ok":false}' },
          },
        },
      }),
    );
    expect(r?.status).toBe(404);
    expect(r?.body.toString()).toBe('{"ok":false}');
    expect(r?.contentType).toBe("application/json");
  });

  it("falls back to the default response (no selectionPattern)", () => {
    const r = compileMockResponse(
      integration({
        requestTemplates: { "application/json": '{"statusCode": 418}' },
        integrationResponses: { "200": { statusCode: "200", responseTemplates: { "text/plain": "hello" } } },
      }),
    );
    expect(r).toEqual({ status: 200, contentType: "text/plain", body: Buffer.from("hello") });
  });

  it("answers an empty body when the response has no template", () => {
    const r = compileMockResponse(
      integration({ integrationResponses: { "204": { statusCode: "204", selectionPattern: "" } } }),
    );
    expect(r?.status).toBe(204);
    expect(r?.body.length).toBe(0);
  });

  it("is undefined when nothing matches and there is no default", () => {
    expect(compileMockResponse(integration({}))).toBeUndefined();
    expect(
      compileMockResponse(
        integration({ integrationResponses: { "500": { statusCode: "500", selectionPattern: "5\\d{2}" } } }),
      ),
    ).toBeUndefined();
  });
});
