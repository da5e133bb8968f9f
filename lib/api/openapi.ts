import { z } from "zod";
import { API_SCOPES } from "@/lib/auth/permissions-api";
import type { ApiOperation } from "./operation";
import { API_OPERATIONS } from "./operations";
import { PROBLEM_CODES, problemType } from "./problem";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the operations' own zod schemas (lib/api/operations): what
 * the server parses is what the document says. Served at /api/v1/openapi.json and listed on /ops/api-docs.
 */

type Json = Record<string, unknown>;

function schemaOf(s: z.ZodType, io: "input" | "output"): Json {
  const out = z.toJSONSchema(s, { io, target: "draft-2020-12", unrepresentable: "any" }) as Json;
  delete out.$schema;
  return out;
}

function parameters(op: ApiOperation): Json[] {
  const list: Json[] = [];
  for (const [where, obj] of [
    ["path", op.params],
    ["query", op.query],
  ] as const) {
    if (!obj) continue;
    const js = schemaOf(obj, "input") as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(js.properties ?? {})) {
      const { description, ...rest } = schema as { description?: string };
      list.push({
        name,
        in: where,
        required: where === "path" || (js.required ?? []).includes(name),
        schema: rest,
        ...(description ? { description } : {}),
      });
    }
  }
  return list;
}

const problemRef = { $ref: "#/components/schemas/Problem" };
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemRef } },
});

function operation(op: ApiOperation): Json {
  const scope =
    typeof op.scope === "string"
      ? op.scope
      : `${op.scope.staff} (staff tokens) or ${op.scope.tenant} (tenant tokens)`;
  const scopes = typeof op.scope === "string" ? [op.scope] : [op.scope.staff, op.scope.tenant];
  const responses: Json = {
    [String(op.response.status)]: {
      description: op.response.description,
      content: op.response.csv
        ? { "text/csv": { schema: { type: "string" } } }
        : {
            "application/json": { schema: op.response.schema ? schemaOf(op.response.schema, "output") : {} },
          },
    },
    "400": problem("Invalid path, query or body (field errors in `errors`)"),
    "401": problem("Token missing, unknown, revoked or expired"),
    "403": problem("Token lacks the scope, or is used from an address outside its allow-list"),
    "404": problem("Not found (also: not this token's tenant)"),
    "429": {
      ...problem("Rate limit of the token (or of API Gateway) reached"),
      headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait" } },
    },
  };
  if (op.method === "POST") {
    responses["409"] = problem("Conflict with the current state, or the same Idempotency-Key still running");
    responses["413"] = problem("Body over 64 KiB");
    responses["415"] = problem("Body not application/json");
    responses["422"] = problem("Idempotency-Key reused with a different request");
  }
  const params = parameters(op);
  if (op.method === "POST")
    params.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description: "Retries with the same key (24 h) return the first answer and change nothing again",
      schema: { type: "string", minLength: 1, maxLength: 200 },
    });
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    description: [op.description, `Scope: \`${scope}\`.`].filter(Boolean).join("\n\n"),
    security: [{ bearer: scopes }],
    ...(params.length ? { parameters: params } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: schemaOf(op.body, "input") } },
          },
        }
      : {}),
    responses,
  };
}

export function openApiDocument(serverUrl?: string): Json {
  const paths: Record<string, Json> = {};
  for (const op of API_OPERATIONS) (paths[op.path] ??= {})[op.method.toLowerCase()] = operation(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "Tollgate automation API",
      version: "1.0.0",
      description:
        "Canary rollouts, deployments, stages, tenant API keys, usage and invoices for pipelines and platforms. " +
        "Authenticate with a service token (`Authorization: Bearer tg_…`) created on /ops/tokens or /partner/tokens. " +
        "Errors are problem details (RFC 9457).",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    tags: [...new Set(API_OPERATIONS.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: `Service token. Scopes: ${Object.entries(API_SCOPES)
            .map(([k, v]) => `${k} — ${v.description}`)
            .join("; ")}.`,
        },
      },
      schemas: {
        Problem: {
          type: "object",
          required: ["type", "title", "status", "detail", "requestId"],
          properties: {
            type: { type: "string", enum: PROBLEM_CODES.map(problemType) },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string", description: "The same message the console shows" },
            errors: {
              type: "object",
              additionalProperties: { type: "array", items: { type: "string" } },
              description: "Field → messages",
            },
            requestId: { type: "string" },
          },
        },
      },
    },
  };
}
