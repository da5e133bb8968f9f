import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { listKeysPage, listOrphans, type KeyFilter } from "@/lib/db/api-keys";
import { activePlanIdsByTenant, planSnapshots } from "@/lib/db/subscriptions";
import { listActiveTenantOptions } from "@/lib/db/tenants";

/** Everything the operator keys overview shows, from the database only. The bench times this function. */
export async function loadKeysView(actor: Actor, filter: KeyFilter) {
  const [{ items, total }, orphans, tenants, plans] = await Promise.all([
    listKeysPage(actor, filter),
    listOrphans(actor),
    listActiveTenantOptions(actor),
    planSnapshots(),
  ]);
  const planName = new Map(plans.map((p) => [p.id, p.name]));
  const tenantPlans = await activePlanIdsByTenant([...new Set(items.map((k) => k.tenantId))]);
  return { items, total, orphans, tenants, planName, tenantPlans };
}

/** The partner's own keys and pending rotations (scoped by the session's tenant in lib/db/api-keys.ts). */
export {
  listMyKeys as loadMyKeys,
  listMyRotations as loadMyRotations,
  type KeyStatus,
} from "@/lib/db/api-keys";
