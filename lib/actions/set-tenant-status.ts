"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { setTenantStatus } from "@/lib/db/tenants";
import { tenantStatusSchema } from "@/lib/schemas/tenants";
import { disableTenantKeys, reenableTenantKeys } from "@/lib/keys/commands";

/**
 * Suspend (partners are signed out and kept out, every active key is disabled in AWS) or reinstate a tenant
 * (exactly the keys the suspension disabled are enabled again).
 */
export const setTenantStatusAction = defineAction({
  name: "tenant.set-status",
  permission: "tenants.manage",
  input: tenantStatusSchema,
  handler: async ({ actor, input }) => {
    let keysChanged = 0;
    const tenant = await setTenantStatus(actor, input.tenantId, input.status, async (id) => {
      keysChanged = input.status === "SUSPENDED" ? await disableTenantKeys(id) : await reenableTenantKeys(id);
    });
    revalidatePath("/ops/tenants");
    return { id: tenant.id, status: tenant.status, keysChanged };
  },
  audit: {
    action: (i) => (i.status === "SUSPENDED" ? "tenant.suspend" : "tenant.reinstate"),
    targetType: "tenant",
    targetId: (i) => i.tenantId,
    summary: (_i, o) => (o ? { keysChanged: o.keysChanged } : {}),
  },
});
