/**
 * MOCK integrations with static templates: the request template's `statusCode` picks the integration response, whose
 * `responseTemplates` body is returned as-is. Velocity (VTL) is not evaluated: a template is treated as text, with
 * the status code read from `"statusCode": NNN` wherever it appears.
 */

import type { Integration } from "../state/types";

export interface MockResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: Buffer;
}

const STATUS_IN_TEMPLATE = /["']?statusCode["']?\s*:\s*["']?(\d{3})/;

/** The status the request template asks for; AWS's console default template is `{"statusCode": 200}`. */
export function mockStatusCode(requestTemplates: Readonly<Record<string, string>> | undefined): number {
  const template = requestTemplates?.["application/json"] ?? Object.values(requestTemplates ?? {})[0];
  const m = template === undefined ? null : STATUS_IN_TEMPLATE.exec(template);
  return m?.[1] !== undefined ? Number(m[1]) : 200;
}

/**
 * `undefined` when no integration response matches and none is the default (no selectionPattern): AWS answers
 * that configuration error with 500 Internal server error.
 */
export function compileMockResponse(integration: Integration): MockResponse | undefined {
  const status = mockStatusCode(integration.requestTemplates);
  const responses = integration.integrationResponses ?? {};
  const chosen =
    responses[String(status)] ??
    Object.values(responses).find((r) => r.selectionPattern === undefined || r.selectionPattern === "");
  if (chosen === undefined) return undefined;
  const templates = chosen.responseTemplates ?? {};
  const contentType =
    templates["application/json"] !== undefined ? "application/json" : Object.keys(templates)[0];
  const body = contentType === undefined ? "" : (templates[contentType] ?? "");
  return {
    status: Number(chosen.statusCode) || status,
    contentType: contentType ?? "application/json",
    body: Buffer.from(body),
  };
}
