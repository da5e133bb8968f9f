import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import type { PlanDto } from "@/lib/aws/usage-plans";
import { countPlanKeys, listApiStages, listAwsPlans } from "@/lib/aws/usage-plans";
import { listSubscriptions, savePlanSnapshots } from "@/lib/db/subscriptions";
import { listActiveTenantOptions } from "@/lib/db/tenants";
import { inventoryReadable, invLoadPlansPage } from "@/lib/inventory/read";
import { log } from "@/lib/log";

/** Lists plans from AWS (the source of truth) and refreshes the snapshots usage pages read. */
export async function loadPlans(actor: Actor): Promise<PlanDto[]> {
  assertCan(actor, "ops.view");
  const plans = await listAwsPlans();
  await savePlanSnapshots(plans, { complete: true });
  return plans;
}

/**
 * The operators' usage-plans page: plans and API stages from AWS, then subscriptions and tenants from the database
 * and each plan's key count (GetUsagePlanKeys; a count that fails is shown as unknown and logged, not fatal).
 */
export async function loadUsagePlans(actor: Actor) {
  // From the inventory once it is synced or its first sweep is under way (no AWS call); live reads otherwise
  // (INVENTORY_READS=off, no sweep running).
  const fromInventory = (await inventoryReadable()) ? await invLoadPlansPage(actor) : null;
  const [plans, stages] = fromInventory
    ? [fromInventory.plans, fromInventory.stages]
    : await Promise.all([loadPlans(actor), listApiStages()]);
  const [subs, tenants, keyCounts] = await Promise.all([
    listSubscriptions(actor),
    listActiveTenantOptions(actor),
    fromInventory?.keyCounts ??
      Promise.all(
        plans.map((p) =>
          countPlanKeys(p.id).catch((err: unknown) => {
            log.warn({ err, usagePlanId: p.id }, "counting a usage plan's keys failed");
            return null;
          }),
        ),
      ),
  ]);
  return { plans, stages, subs, tenants, keyCounts };
}

/** The partner's own plans (scoped by the session's tenant). */
export { myPlans as loadMyPlans } from "@/lib/db/subscriptions";
export type { PlanDto } from "@/lib/aws/usage-plans";
