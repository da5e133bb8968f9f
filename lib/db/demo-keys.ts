import "server-only";
import { db } from "./client";

/**
 * `npm run demo`: the Local Gateway seed makes one key per demo tenant (customerId = the console's tenant id);
 * record those keys and the tenants' plan subscriptions in the console, idempotently (re-runs change nothing).
 */
export async function recordDemoKeys(
  keys: readonly { tenantId: string; keyId: string; planId: string }[],
): Promise<void> {
  for (const k of keys) {
    const tenant = await db.tenant.findUnique({ where: { id: k.tenantId }, select: { id: true } });
    if (!tenant) continue;
    await db.apiKeyRecord.upsert({
      where: { id: k.keyId },
      create: { id: k.keyId, tenantId: k.tenantId, label: "Demo key", environment: "production" },
      update: {},
    });
    const open = await db.subscription.findFirst({
      where: { tenantId: k.tenantId, usagePlanId: k.planId, until: null },
    });
    if (!open) await db.subscription.create({ data: { tenantId: k.tenantId, usagePlanId: k.planId } });
  }
}
