import type { z } from "zod";
import type { ApiScope } from "@/lib/auth/permissions-api";

/**
 * One /api/v1 operation: everything the server checks (scope, path and query parameters, body) and everything the
 * OpenAPI document says, in one object. Route handlers bind a handler to it (lib/api/define-api-route.ts) and
 * lib/api/openapi.ts describes it, so the documentation is generated from the schemas the server parses with.
 */
export type ApiOperation = {
  operationId: string;
  method: "GET" | "POST";
  /** OpenAPI path template, e.g. "/api/v1/rollouts/{id}". */
  path: string;
  tag: "Rollouts" | "Deployments" | "Stages" | "Keys" | "Usage" | "Invoices";
  summary: string;
  description?: string;
  /** One scope, or one per kind of token (staff tokens / tokens of a tenant). */
  scope: ApiScope | { staff: ApiScope; tenant: ApiScope };
  /** Strict object of the path's parameters (strings). */
  params?: z.ZodObject;
  /** Strict object of the query string's parameters (strings). */
  query?: z.ZodObject;
  /** Strict JSON body. */
  body?: z.ZodType;
  response: { status: 200 | 201; description: string; schema?: z.ZodType; csv?: boolean };
  /** Body fields never stored for idempotent replays (secrets shown once): a replay returns them as null. */
  secretFields?: readonly string[];
  audit: { action: string; targetType: string; targetId?: (params: Record<string, string>) => string | null };
};

export const defineOperation = <T extends ApiOperation>(op: T): T => op;
