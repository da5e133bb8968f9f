import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { savePortalSetting } from "@/lib/db/portal";

/** Operators: the Markdown guide of an API stage and whether partners see it in the catalog. */
export async function updatePortalSetting(
  actor: Actor,
  input: { apiId: string; stage: string; description: string; hidden: boolean },
): Promise<void> {
  assertCan(actor, "portal.manage");
  const description = input.description.trim() === "" ? null : input.description;
  await savePortalSetting(input.apiId, input.stage, { description, hidden: input.hidden }, actor.id);
}
