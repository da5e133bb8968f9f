import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { activePlanIds, planSnapshots } from "@/lib/db/subscriptions";
import { quotaWords, throttleWords } from "@/lib/plans/plan-words";

export {
  listPlanRequests as loadPlanRequests,
  countPendingPlanRequests as loadPendingPlanRequestCount,
  type PlanRequestDto,
  type PlanRequestStatus,
} from "@/lib/db/plan-requests";

/** A plan a partner may ask for: its name and limits in words, nothing about which APIs other tenants use. */
export type PlanChoiceDto = { id: string; name: string; description: string | null; limits: string };

/**
 * What the partner's plan-request form offers: every usage plan Tollgate knows (from the snapshots, no AWS call)
 * except the ones the tenant is already on, and the tenant's current plans (to pick which one is replaced).
 */
export async function loadPlanChoices(
  actor: Actor,
): Promise<{ choices: PlanChoiceDto[]; current: PlanChoiceDto[] }> {
  assertCan(actor, "partner.view");
  if (actor.kind !== "partner") return { choices: [], current: [] };
  const [all, mine] = await Promise.all([planSnapshots(), activePlanIds(actor.tenantId)]);
  const dto = (p: (typeof all)[number]): PlanChoiceDto => ({
    id: p.id,
    name: p.name,
    description: p.description,
    limits: `${throttleWords(p)}; ${p.quota ? `${quotaWords(p)} per key` : "no quota"}`,
  });
  return {
    choices: all.filter((p) => !mine.includes(p.id)).map(dto),
    current: all.filter((p) => mine.includes(p.id)).map(dto),
  };
}
