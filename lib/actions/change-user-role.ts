"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { changeUserRole } from "@/lib/db/users";
import { changeUserRoleSchema } from "@/lib/schemas/users";

/** Change a user's role (a partner's tenant with it); their open sessions end. Audited with the old and new role. */
export const changeUserRoleAction = defineAction({
  name: "user.change-role",
  permission: "users.manage",
  input: changeUserRoleSchema,
  handler: async ({ actor, input }) => {
    const u = await changeUserRole(actor, input);
    revalidatePath("/ops/users");
    return { id: u.id, role: u.role, previousRole: u.previousRole, previousTenantId: u.previousTenantId };
  },
  audit: {
    action: "user.change-role",
    targetType: "user",
    targetId: (i) => i.userId,
    summary: (i, o) => ({
      role: i.role,
      tenantId: i.tenantId,
      from: o?.previousRole,
      fromTenantId: o?.previousTenantId,
    }),
  },
});
