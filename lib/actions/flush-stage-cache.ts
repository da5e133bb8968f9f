"use server";
import { defineAction } from "@/lib/auth/define-action";
import { flushStageCache } from "@/lib/stages/commands";
import { flushStageCacheSchema } from "@/lib/schemas/stages";

export const flushStageCacheAction = defineAction({
  name: "stage.flush-cache",
  permission: "gateway.manage",
  input: flushStageCacheSchema,
  handler: async ({ actor, input }) => {
    await flushStageCache(actor, input.restApiId, input.stageName);
    return { flushed: true };
  },
  audit: {
    action: "stage.flush-cache",
    targetType: "stage",
    targetId: (i) => (i.restApiId ? `${i.restApiId}/${i.stageName}` : null),
  },
});
