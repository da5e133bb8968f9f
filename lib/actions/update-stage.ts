"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { applyStageChange } from "@/lib/stages/commands";
import { updateStageSchema } from "@/lib/schemas/stages";
import { describeStageChange } from "@/lib/stages/changes";

export const updateStageAction = defineAction({
  name: "stage.update",
  permission: "gateway.manage",
  input: updateStageSchema,
  handler: async ({ actor, input }) => {
    const res = await applyStageChange(actor, input);
    revalidatePath(`/ops/apis/rest/${input.restApiId}`, "layout");
    return { version: res.version, calls: res.calls, summary: describeStageChange(input.change) };
  },
  audit: {
    // A refused call is audited with no input, so the kind may be missing.
    action: (i) => `stage.${(i as Partial<typeof i>).change?.kind ?? "update"}`,
    targetType: "stage",
    targetId: (i) => (i.restApiId ? `${i.restApiId}/${i.stageName}` : null),
    summary: (i, o) => (i.change ? { change: describeStageChange(i.change), patch: o?.calls } : {}),
  },
});
