"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { setUserDisabled } from "@/lib/db/users";
import { userDisabledSchema } from "@/lib/schemas/users";

/** Disable (open sessions stop working on the next request) or re-enable a user. */
export const setUserDisabledAction = defineAction({
  name: "user.set-disabled",
  permission: "users.manage",
  input: userDisabledSchema,
  handler: async ({ actor, input }) => {
    const user = await setUserDisabled(actor, input.userId, input.disabled);
    revalidatePath("/ops/users");
    return { id: user.id, disabled: user.disabled };
  },
  audit: {
    action: (i) => (i.disabled ? "user.disable" : "user.enable"),
    targetType: "user",
    targetId: (i) => i.userId,
  },
});
