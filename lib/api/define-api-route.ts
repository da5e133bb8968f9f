import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/db/audit";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { readJsonBody, parseInput } from "./body";
import { runIdempotent } from "./idempotency";
import type { ApiOperation } from "./operation";
import { ApiProblem, fromAppError, problemOf, problemResponse, type Problem } from "./problem";
import { authenticate, requireScope, type ApiCaller } from "./token-auth";

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
export type ApiHandlerCtx<O extends ApiOperation> = {
  actor: Actor;
  caller: ApiCaller;
  params: Out<O["params"]>;
  query: Out<O["query"]>;
  body: Out<O["body"]>;
  requestId: string;
};
/** A handler returns the JSON body (status from the operation), or a finished Response (CSV). */
export type ApiHandler<O extends ApiOperation> = (ctx: ApiHandlerCtx<O>) => Promise<unknown>;

export type ApiRoute = ((
  req: NextRequest,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>) & {
  meta: { operation: ApiOperation };
};

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export const jsonText = (v: unknown) =>
  JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x));

/**
 * Wraps a /api/v1 route handler: Bearer token (401/403/429), the operation's scope (403), strict path, query and
 * body (400/413/415, never a 500 for bad input), Idempotency-Key on POST, AppErrors as problem details with the
 * console's messages, and one audit event per call with the token as the actor — success, failure or refusal.
 */
export function defineApiRoute<O extends ApiOperation>(op: O, handler: ApiHandler<O>): ApiRoute {
  const run = async (
    req: NextRequest,
    ctx: { params: Promise<Record<string, string>> },
  ): Promise<Response> => {
    const requestId = randomUUID();
    let caller: ApiCaller | null = null;
    let rawParams: Record<string, string> = {};
    let res: Response;
    try {
      rawParams = await ctx.params;
      caller = await authenticate(req.headers);
      const c = caller;
      requireScope(
        c,
        typeof op.scope === "string" ? op.scope : c.token.tenantId ? op.scope.tenant : op.scope.staff,
      );
      const params = (op.params ? parseInput(op.params, rawParams, "path") : undefined) as Out<O["params"]>;
      const query = (
        op.query
          ? parseInput(op.query, Object.fromEntries(req.nextUrl.searchParams), "query string")
          : undefined
      ) as Out<O["query"]>;
      if (!op.query && [...req.nextUrl.searchParams.keys()].length)
        throw new ApiProblem("invalid", "This operation takes no query parameters.");
      const { raw, text } = req.method === "POST" ? await readJsonBody(req) : { raw: undefined, text: "" };
      let body = undefined as Out<O["body"]>;
      if (op.body) body = parseInput(op.body, raw ?? {}, "body") as Out<O["body"]>;
      else if (raw !== undefined && !(raw && typeof raw === "object" && Object.keys(raw).length === 0))
        throw new ApiProblem("invalid", "This operation takes no body.");
      const exec = async () =>
        respond(op, await handler({ actor: c.actor, caller: c, params, query, body, requestId }));
      const key = req.headers.get("idempotency-key");
      if (op.method === "POST" && key !== null) {
        if (!IDEMPOTENCY_KEY.test(key))
          throw new ApiProblem("invalid", "An Idempotency-Key is 1 to 200 visible ASCII characters.");
        const hash = createHash("sha256")
          .update(`${op.operationId}\n${req.nextUrl.pathname}\n${text}`)
          .digest("hex");
        res = await runIdempotent(c.token.id, key, hash, op.secretFields ?? [], exec);
      } else res = await exec();
    } catch (e) {
      res = failure(e, requestId);
    }
    res.headers.set("x-request-id", requestId);
    if (caller) await audit(op, caller.actor, rawParams, res.status, requestId, caller.token.id);
    return res;
  };
  return Object.assign(run, { meta: { operation: op as ApiOperation } });
}

function respond(op: ApiOperation, out: unknown): Response {
  if (out instanceof Response) return out;
  return new Response(jsonText(out), {
    status: op.response.status,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
}

function failure(e: unknown, requestId: string): Response {
  if (e instanceof ApiProblem)
    return problemResponse(problemOf(e.code, e.message, requestId, e.errors), e.headers);
  if (e instanceof AppError) {
    const { problem, headers } = fromAppError(e, requestId);
    return problemResponse(problem, headers);
  }
  log.error({ err: e, requestId }, "api route failed");
  const p: Problem = problemOf(
    "internal",
    `Something went wrong. Quote request id ${requestId} if you report it.`,
    requestId,
  );
  return problemResponse(p);
}

async function audit(
  op: ApiOperation,
  actor: Actor,
  params: Record<string, string>,
  status: number,
  requestId: string,
  tokenId: string,
): Promise<void> {
  const outcome = status < 400 ? "success" : status === 401 || status === 403 ? "denied" : "failure";
  let targetId: string | null = null;
  try {
    targetId = op.audit.targetId?.(params)?.slice(0, 200) ?? null;
  } catch {
    targetId = null;
  }
  await recordAudit({
    actor,
    action: op.audit.action,
    targetType: op.audit.targetType,
    targetId,
    summary: { via: "api", operation: op.operationId, tokenId, status },
    outcome,
    requestId,
  }).catch((err: unknown) => log.error({ err, requestId }, "audit write failed"));
}
