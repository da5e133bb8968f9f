import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { listOrphans } from "@/lib/db/api-keys";
import { keyGaps, openSubscriptions } from "@/lib/db/drift";
import { invApis, invPlans } from "@/lib/db/inventory";
import { inventoryReady } from "./read";
import { inventoryScope } from "./scope";

/**
 * The Drift view: where Tollgate's records and API Gateway disagree, from the inventory and the usage sync's key
 * listing (no AWS call). Each finding carries what resolves it. Callers: /ops/drift (ops.view).
 */
export async function loadDrift(actor: Actor) {
  assertCan(actor, "ops.view");
  const scope = inventoryScope();
  const ready = await inventoryReady(scope);
  const [orphans, gaps, plans, apis, subs] = await Promise.all([
    listOrphans(actor, 100),
    keyGaps(actor, scope),
    ready ? invPlans(actor, scope) : Promise.resolve([]),
    ready ? invApis(actor, scope) : Promise.resolve({ rest: [], v2: [] }),
    openSubscriptions(actor),
  ]);
  const stages = new Set(apis.rest.flatMap((a) => a.stages.map((s) => `${a.id}/${s.stageName}`)));
  const planIds = new Set(plans.map((p) => p.plan.id));
  return {
    ready,
    orphanKeys: orphans,
    keysGone: gaps,
    plansWithoutStages: plans.filter((p) => p.plan.apiStages.length === 0),
    planStagesGone: plans.flatMap((p) =>
      p.plan.apiStages
        .filter((s) => !stages.has(`${s.apiId}/${s.stage}`))
        .map((s) => ({ planId: p.plan.id, planName: p.plan.name, apiId: s.apiId, stage: s.stage })),
    ),
    // Only with a synced inventory: before the first sweep every plan would look deleted.
    subscriptionsToGonePlans: ready ? subs.filter((s) => !planIds.has(s.usagePlanId)) : [],
  };
}
