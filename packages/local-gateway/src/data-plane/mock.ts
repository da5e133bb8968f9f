/**
 * MOCK integrations: the request template's `statusCode` picks the integration response, whose response template
 * is the body. Templates without VTL are compiled once (`compileMockResponse`); templates with VTL are rendered per
 * request (`renderMockResponse`, data-plane/vtl.ts) with $context, $stageVariables, $input and $util. The status
 * code is read from `"statusCode": NNN` in the rendered request template.
 */

import type { Integration, IntegrationResponse } from "../state/types";
import { renderTemplate, usesVtl, type TemplateRequest } from "./vtl";

export interface MockResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: Buffer;
  /** Static `method.response.header.X: 'value'` response parameters. */
  readonly headers?: Readonly<Record<string, string>>;
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

/** True when any template of a MOCK integration needs rendering per request. */
export function mockNeedsVtl(integration: Integration): boolean {
  const templates = [
    ...Object.values(integration.requestTemplates ?? {}),
    ...Object.values(integration.integrationResponses ?? {}).flatMap((r) =>
      Object.values(r.responseTemplates ?? {}),
    ),
  ];
  return templates.some(usesVtl);
}

/** The template for the request's content type, else application/json, else the first one. */
function pickTemplate(
  templates: Readonly<Record<string, string>> | undefined,
  contentType: string | undefined,
) {
  if (!templates) return undefined;
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  return (type ? templates[type] : undefined) ?? templates["application/json"] ?? Object.values(templates)[0];
}

/** AWS matches a MOCK integration response's selectionPattern (a regular expression) against the status code. */
function selectResponse(responses: Readonly<Record<string, IntegrationResponse>>, status: number) {
  const code = String(status);
  const byPattern = Object.values(responses).find((r) => {
    if (!r.selectionPattern) return false;
    try {
      return new RegExp(`^(?:${r.selectionPattern})$`).test(code);
    } catch {
      return false;
    }
  });
  return (
    byPattern ??
    responses[code] ??
    Object.values(responses).find((r) => r.selectionPattern === undefined || r.selectionPattern === "")
  );
}

/** Literal header values (`'text'`) of `method.response.header.*` response parameters. */
function literalHeaders(r: IntegrationResponse): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.responseParameters ?? {})) {
    const m = /^method\.response\.header\.(.+)$/.exec(k);
    const lit = /^'(.*)'$/.exec(v);
    if (m && lit) out[m[1]!] = lit[1]!;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Renders a MOCK integration for one request; undefined when no integration response applies (→ 500). */
export function renderMockResponse(
  integration: Integration,
  request: TemplateRequest,
  contentType: string | undefined,
): MockResponse | undefined {
  const requestTemplate = pickTemplate(integration.requestTemplates, contentType);
  const rendered = requestTemplate === undefined ? undefined : renderTemplate(requestTemplate, request);
  const m = rendered === undefined ? null : STATUS_IN_TEMPLATE.exec(rendered);
  const status = m?.[1] !== undefined ? Number(m[1]) : 200;
  const chosen = selectResponse(integration.integrationResponses ?? {}, status);
  if (chosen === undefined) return undefined;
  const templates = chosen.responseTemplates ?? {};
  const type = templates["application/json"] !== undefined ? "application/json" : Object.keys(templates)[0];
  const template = type === undefined ? "" : (templates[type] ?? "");
  return {
    status: Number(chosen.statusCode) || status,
    contentType: type ?? "application/json",
    body: Buffer.from(renderTemplate(template, request)),
    headers: literalHeaders(chosen),
  };
}
