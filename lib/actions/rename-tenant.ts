"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { renameTenant } from "@/lib/db/tenants";
import { renameTenantSchema } from "@/lib/schemas/tenants";

export const renameTenantAction = defineAction({
  name: "tenant.rename",
  permission: "tenants.manage",
  input: renameTenantSchema,
  handler: async ({ actor, input }) => {
    const tenant = await renameTenant(actor, input.tenantId, input.name);
    revalidatePath("/ops/tenants");
    return { id: tenant.id, name: tenant.name };
  },
  audit: {
    action: "tenant.rename",
    targetType: "tenant",
    targetId: (i) => i.tenantId,
    summary: (i) => ({ name: i.name }),
  },
});
