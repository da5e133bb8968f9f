"use server";
import { revalidatePath } from "next/cache";
import { setAlertOptIn } from "@/lib/alerts/commands";
import { defineAction } from "@/lib/auth/define-action";
import { setAlertOptInSchema } from "@/lib/schemas/alerts";

/** A partner user turns one of their own e-mail alerts on or off. */
export const setAlertOptInAction = defineAction({
  name: "alert.opt-in",
  permission: "alerts.self",
  input: setAlertOptInSchema,
  handler: async ({ actor, input }) => {
    await setAlertOptIn(actor, input.kind, input.on);
    revalidatePath("/partner/alerts");
    return { kind: input.kind, on: input.on };
  },
  audit: {
    action: (i) => (i.on ? "alert.opt-in" : "alert.opt-out"),
    targetType: "alert",
    targetId: (i) => i.kind,
  },
});
