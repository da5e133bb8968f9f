import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { storedRestStage } from "@/lib/db/inventory";
import { savePortalSetting } from "@/lib/db/portal";
import { notFound } from "@/lib/errors";
import { inventoryScope } from "@/lib/inventory/scope";

/** Operators: the Markdown guide of an API stage and whether partners see it in the catalog. */
export async function updatePortalSetting(
  actor: Actor,
  input: { apiId: string; stage: string; description: string; hidden: boolean },
): Promise<void> {
  assertCan(actor, "portal.manage");
  // Settings belong to a stage Tollgate knows (the catalog lists the inventory's stages): no row for a made-up id.
  if (!(await storedRestStage(inventoryScope(), input.apiId, input.stage)))
    throw notFound(`Stage ${input.stage} of API ${input.apiId}`);
  const description = input.description.trim() === "" ? null : input.description;
  await savePortalSetting(input.apiId, input.stage, { description, hidden: input.hidden }, actor.id);
}
