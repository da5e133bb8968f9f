import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { log } from "@/lib/log";
import type { Actor } from "./actor";
import { can, type Permission } from "./permissions";
import { getActor } from "./session";

type RouteCtx<P> = { params: Promise<P> };
export type RouteMeta = { permission: Permission | "public" };
export type TollgateRoute<P> = ((req: NextRequest, ctx: RouteCtx<P>) => Promise<Response>) & {
  meta: RouteMeta;
};

const json = (status: number, body: Record<string, unknown>, requestId: string) =>
  NextResponse.json(body, { status, headers: { "x-request-id": requestId, "cache-control": "no-store" } });

async function runGuarded(requestId: string, fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AppError)
      return json(HTTP_STATUS[e.code], { error: e.message, code: e.code }, requestId);
    log.error({ err: e, requestId }, "route handler failed");
    return json(500, { error: "Something went wrong.", requestId }, requestId);
  }
}

/**
 * Wraps a route handler: 401 without a session, 403 without the declared permission, AppErrors as JSON with their
 * status, anything else logged and answered with a generic 500.
 */
export function defineRoute<P = Record<string, never>>(def: {
  permission: Permission;
  handler: (ctx: { actor: Actor; req: NextRequest; params: P; requestId: string }) => Promise<Response>;
}): TollgateRoute<P> {
  const run = async (req: NextRequest, ctx: RouteCtx<P>) => {
    const requestId = randomUUID();
    const actor = await getActor();
    if (!actor) return json(401, { error: "Sign in first.", code: "unauthenticated" }, requestId);
    if (!can(actor.role, def.permission))
      return json(403, { error: "You do not have permission to do that.", code: "forbidden" }, requestId);
    return runGuarded(requestId, async () =>
      def.handler({ actor, req, params: await ctx.params, requestId }),
    );
  };
  return Object.assign(run, { meta: { permission: def.permission } });
}

/** A deliberately public route handler (health checks). It must be listed as public in the authorization spec. */
export function definePublicRoute<P = Record<string, never>>(def: {
  handler: (ctx: { req: NextRequest; params: P; requestId: string }) => Promise<Response>;
}): TollgateRoute<P> {
  const run = async (req: NextRequest, ctx: RouteCtx<P>) => {
    const requestId = randomUUID();
    return runGuarded(requestId, async () => def.handler({ req, params: await ctx.params, requestId }));
  };
  return Object.assign(run, { meta: { permission: "public" as const } });
}
