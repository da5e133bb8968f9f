import type { Permission, Role } from "./permissions";

/**
 * The scopes an automation API token (/api/v1, lib/api) may carry: a subset of the permission table. A token either
 * acts for staff (no tenant) or for one tenant (as a partner of it); each scope says which kind may hold it.
 * Every /api/v1 operation declares one of these scopes; a token without it gets 403.
 */
export const API_SCOPES = {
  "ops.view": { audience: "staff", description: "Read rollouts, deployments and stages" },
  "gateway.manage": {
    audience: "staff",
    description: "Start, pause, resume, approve, promote and abort rollouts; create deployments",
  },
  "finance.view": { audience: "staff", description: "Read any tenant's usage per day" },
  "invoices.read": {
    audience: "both",
    description: "Read invoices and their CSV (tenant tokens: the tenant's finalized invoices only)",
  },
  "keys.self": { audience: "tenant", description: "Create, rotate, revoke and list the tenant's API keys" },
  "partner.view": { audience: "tenant", description: "Read the tenant's usage per day" },
} as const satisfies Partial<
  Record<Permission, { audience: "staff" | "tenant" | "both"; description: string }>
>;

export type ApiScope = keyof typeof API_SCOPES;
export const API_SCOPE_NAMES = Object.keys(API_SCOPES) as ApiScope[];

export function isApiScope(v: unknown): v is ApiScope {
  return typeof v === "string" && v in API_SCOPES;
}

/** Scopes a token of this kind may hold (staff: no tenant; tenant: bound to one tenant). */
export function scopesFor(kind: "staff" | "tenant"): ApiScope[] {
  return API_SCOPE_NAMES.filter((s) => {
    const a: string = API_SCOPES[s].audience;
    return a === kind || a === "both";
  });
}

/**
 * The role a staff token acts with in the feature layer's own checks (defence in depth): the least role that holds
 * all its scopes, so a read-only operations token is not an admin underneath.
 */
export function staffRoleFor(scopes: readonly ApiScope[]): Exclude<Role, "partner"> {
  const ops: readonly string[] = ["ops.view", "gateway.manage"];
  const fin: readonly string[] = ["finance.view", "invoices.read"];
  if (scopes.every((s) => ops.includes(s))) return "operator";
  if (scopes.every((s) => fin.includes(s))) return "finance";
  return "admin";
}
