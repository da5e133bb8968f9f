"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { startRollout } from "@/lib/canary/commands";
import { rolloutWebhookSecret } from "@/lib/canary/webhook";
import { startRolloutSchema } from "@/lib/schemas/rollouts";

export const startRolloutAction = defineAction({
  name: "rollout.start",
  permission: "gateway.manage",
  input: startRolloutSchema,
  handler: async ({ actor, input }) => {
    const r = await startRollout(actor, input);
    revalidatePath(`/ops/apis/rest/${input.restApiId}`, "layout");
    revalidatePath("/ops/rollouts");
    // Shown once to the operator for verifying X-Tollgate-Signature; derived, never stored, never audited.
    return { ...r, webhookSecret: input.webhookUrl ? rolloutWebhookSecret(r.id) : null };
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
