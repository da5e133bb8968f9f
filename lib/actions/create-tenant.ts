"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { createTenant } from "@/lib/db/tenants";
import { createTenantSchema } from "@/lib/schemas/tenants";

export const createTenantAction = defineAction({
  name: "tenant.create",
  permission: "tenants.manage",
  input: createTenantSchema,
  handler: async ({ actor, input }) => {
    const tenant = await createTenant(actor, input);
    revalidatePath("/ops/tenants");
    return { id: tenant.id, name: tenant.name };
  },
  audit: {
    action: "tenant.create",
    targetType: "tenant",
    targetId: (_i, o) => o?.id,
    summary: (i) => ({ name: i.name }),
  },
});
