"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { applyHttpStageChange } from "@/lib/stages/commands";
import { updateHttpStageSchema } from "@/lib/schemas/stages";

export const updateHttpStageAction = defineAction({
  name: "http-stage.update",
  permission: "gateway.manage",
  input: updateHttpStageSchema,
  handler: async ({ actor, input }) => {
    const res = await applyHttpStageChange(actor, input);
    revalidatePath(`/ops/apis/http/${input.apiId}`, "layout");
    return res;
  },
  audit: {
    action: (i) => `http-stage.${(i as Partial<typeof i>).change?.kind ?? "update"}`,
    targetType: "stage",
    targetId: (i) => (i.apiId ? `${i.apiId}/${i.stageName}` : null),
    summary: (_i, o) => ({ update: o?.body }),
  },
});
