"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { deployToStage } from "@/lib/stages/commands";
import { createDeploymentSchema } from "@/lib/schemas/stages";

export const createDeploymentAction = defineAction({
  name: "deployment.create",
  permission: "gateway.manage",
  input: createDeploymentSchema,
  handler: async ({ actor, input }) => {
    const d = await deployToStage(actor, input);
    revalidatePath(`/ops/apis/rest/${input.restApiId}`, "layout");
    return d;
  },
  audit: {
    action: (i) => (i.canary ? "deployment.create-canary" : "deployment.create"),
    targetType: "stage",
    targetId: (i) => (i.restApiId ? `${i.restApiId}/${i.stageName}` : null),
    summary: (i, o) => ({
      deploymentId: o?.id,
      description: i.description,
      ...(i.canary
        ? { canaryPercent: i.canary.percentTraffic, overrides: i.canary.stageVariableOverrides }
        : {}),
    }),
  },
});
