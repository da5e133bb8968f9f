"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { startRollout } from "@/lib/canary/commands";
import { startRolloutSchema } from "@/lib/schemas/rollouts";

export const startRolloutAction = defineAction({
  name: "rollout.start",
  permission: "gateway.manage",
  input: startRolloutSchema,
  handler: async ({ actor, input }) => {
    const r = await startRollout(actor, input);
    revalidatePath(`/ops/apis/rest/${input.restApiId}`, "layout");
    revalidatePath("/ops/rollouts");
    return r;
  },
  audit: {
    action: "rollout.create",
    targetType: "stage",
    targetId: (i) => (i.restApiId ? `${i.restApiId}/${i.stageName}` : null),
    summary: (i, o) => ({
      rolloutId: o?.id,
      canaryDeploymentId: o?.canaryDeploymentId,
      steps: i.steps?.map((s) => s.percent),
      webhook: Boolean(i.webhookUrl),
    }),
  },
});
