"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { updatePortalSetting } from "@/lib/portal/commands";
import { portalSettingSchema } from "@/lib/schemas/portal";

export const updatePortalSettingAction = defineAction({
  name: "portal.setting.update",
  permission: "portal.manage",
  input: portalSettingSchema,
  handler: async ({ actor, input }) => {
    await updatePortalSetting(actor, input);
    revalidatePath("/ops/portal");
    revalidatePath("/partner/apis");
    return { apiId: input.apiId, stage: input.stage };
  },
  audit: {
    action: "portal.setting.update",
    targetType: "api-stage",
    targetId: (i) => `${i.apiId}/${i.stage}`,
    summary: (i) => ({ hidden: i.hidden, guideCharacters: i.description.trim().length }),
  },
});
