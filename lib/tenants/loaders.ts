import "server-only";

/**
 * What the tenant screens load (lib/db/tenants.ts does the scoped queries; each takes the actor and re-checks its
 * permission). Pages and route handlers read through here, never lib/db directly.
 */
export {
  listTenants as loadTenants,
  listActiveTenantOptions as loadActiveTenantOptions,
  type TenantStatus,
} from "@/lib/db/tenants";
