import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isApiScope, staffRoleFor, type ApiScope } from "@/lib/auth/permissions-api";
import { now } from "@/lib/clock";
import {
  findApiTokenByHash,
  tenantStatus,
  tokenIpAllowList,
  tokenScopes,
  touchApiToken,
  type ApiTokenRow,
} from "@/lib/db/api-tokens";
import { getSessionUser } from "@/lib/db/users";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/security/client-address";
import { allows } from "@/lib/security/ip-allow-list";
import { hashToken, isTokenShaped } from "@/lib/tokens/secret";
import { ApiProblem } from "./problem";
import { take } from "./rate-limit";

export type ApiCaller = { token: ApiTokenRow; scopes: ApiScope[]; actor: Actor; address: string | null };

const BEARER = { "www-authenticate": 'Bearer realm="tollgate"' };

/**
 * Who calls /api/v1: the Bearer token's row (by hash), refused with 401 when missing, unknown, revoked or expired,
 * 403 from an address outside its allow-list (the client address honours TRUSTED_PROXIES like the sign-in throttle)
 * or for a suspended tenant, 429 past its rate. The actor is the token itself: audit events and the records a
 * command writes name it. Scope checks come after, per operation.
 */
export async function authenticate(headers: Headers): Promise<ApiCaller> {
  return identify(headers);
}

/** The actor a token acts as (its id, name and prefix in the audit trail). */
export function tokenActor(row: ApiTokenRow, tenantName = ""): Actor {
  const scopes = tokenScopes(row).filter(isApiScope);
  const who = { id: `token:${row.id}`, email: `token "${row.name}" (${row.prefix}…)`, name: row.name };
  return row.tenantId
    ? { kind: "partner", ...who, role: "partner", tenantId: row.tenantId, tenantName }
    : { kind: "staff", ...who, role: staffRoleFor(scopes), tenantId: null };
}

/** A refusal of a known token: audited with the token as the actor (lib/api/define-api-route.ts). */
export class TokenRefused extends ApiProblem {
  constructor(
    readonly token: ApiTokenRow,
    problem: ApiProblem,
  ) {
    super(problem.code, problem.message, problem.errors, problem.headers);
  }
}

async function identify(headers: Headers): Promise<ApiCaller> {
  const raw = headers.get("authorization") ?? "";
  const m = /^Bearer[ ]+(\S+)$/i.exec(raw.trim());
  if (!m)
    throw new ApiProblem(
      "token_missing",
      "Send the token as `Authorization: Bearer <token>` (TOLLGATE_TOKEN for the CLI).",
      undefined,
      BEARER,
    );
  const value = m[1]!;
  const row = isTokenShaped(value) ? await findApiTokenByHash(hashToken(value)) : null;
  if (!row) throw new ApiProblem("token_invalid", "This token is not known.", undefined, BEARER);
  try {
    return await check(row, headers);
  } catch (e) {
    throw e instanceof ApiProblem ? new TokenRefused(row, e) : e;
  }
}

async function check(row: ApiTokenRow, headers: Headers): Promise<ApiCaller> {
  const at = now();
  if (row.revokedAt) throw new ApiProblem("token_revoked", "This token was revoked.", undefined, BEARER);
  if (row.expiresAt && row.expiresAt <= at)
    throw new ApiProblem(
      "token_expired",
      `This token expired on ${row.expiresAt.toISOString()}.`,
      undefined,
      BEARER,
    );
  const address = clientAddress(headers, env.TRUSTED_PROXIES);
  if (!allows(tokenIpAllowList(row), address))
    throw new ApiProblem("address_refused", `This token may not be used from ${address ?? "this address"}.`);
  const wait = take(row.id, row.ratePerMinute);
  if (wait > 0)
    throw new ApiProblem(
      "throttled",
      `This token may make ${row.ratePerMinute} requests a minute: try again in ${wait} seconds.`,
      undefined,
      { "retry-after": String(wait) },
    );
  const scopes = tokenScopes(row).filter(isApiScope);
  const who = { id: `token:${row.id}`, email: `token "${row.name}" (${row.prefix}…)`, name: row.name };
  let actor: Actor;
  if (row.tenantId) {
    const t = await tenantStatus(row.tenantId);
    if (!t || t.status !== "ACTIVE")
      throw new ApiProblem(
        "forbidden",
        "This token's tenant is suspended: its tokens do not work meanwhile.",
      );
    // A tenant token lives only as long as its maker's access: disabled, or removed from the team, it stops.
    const maker = await getSessionUser(row.createdById);
    if (!maker || maker.disabledAt)
      throw new ApiProblem(
        "token_revoked",
        "This token stopped working: the person who created it no longer has access.",
        undefined,
        BEARER,
      );
    actor = { kind: "partner", ...who, role: "partner", tenantId: row.tenantId, tenantName: t.name };
  } else actor = { kind: "staff", ...who, role: staffRoleFor(scopes), tenantId: null };
  await touchApiToken(row.id, at, address);
  return { token: row, scopes, actor, address };
}

export function requireScope(caller: ApiCaller, scope: ApiScope): void {
  if (!caller.scopes.includes(scope))
    throw new ApiProblem("scope_missing", `This token does not have the scope ${scope}.`);
}
