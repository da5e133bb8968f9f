"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { controlRollout } from "@/lib/canary/commands";
import { controlRolloutSchema } from "@/lib/schemas/rollouts";

/** Pause, resume, abort (roll back now), promote now, or approve the promotion of a running rollout. */
export const controlRolloutAction = defineAction({
  name: "rollout.control",
  permission: "gateway.manage",
  input: controlRolloutSchema,
  handler: async ({ actor, input }) => {
    const r = await controlRollout(actor, input.rolloutId, input.command);
    revalidatePath(`/ops/rollouts/${r.id}`);
    revalidatePath(`/ops/apis/rest/${r.restApiId}`, "layout");
    return r;
  },
  audit: {
    // A refused call is audited with no input, so the command may be missing.
    action: (i) => `rollout.${(i as Partial<typeof i>).command ?? "control"}`,
    targetType: "rollout",
    targetId: (i) => i.rolloutId ?? null,
    summary: (i, o) => ({ command: i.command, status: o?.status, percent: o?.currentPercent }),
  },
});
