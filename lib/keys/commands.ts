import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { attachKeyToPlan, createAwsKey, deleteAwsKey, setAwsKeyEnabled } from "@/lib/aws/api-keys";
import { now } from "@/lib/clock";
import {
  getKey,
  insertKeyRecord,
  keysPastGrace,
  liveKeysOfTenant,
  recordRotation,
  updateKeyRecord,
} from "@/lib/db/api-keys";
import { recordReservedKey, releaseKeySlot, reserveKeySlot } from "@/lib/db/key-slots";
import { activePlanIds } from "@/lib/db/subscriptions";
import { env } from "@/lib/env";
import { AppError, forbidden, invalid } from "@/lib/errors";
import { syncKeyUsage } from "@/lib/usage/sync";
import { log } from "@/lib/log";
import { DAY_MS, days, HOUR_MS } from "@/lib/dates";

export const GRACE_OPTIONS = { now: 0, "1h": HOUR_MS, "24h": DAY_MS, "7d": days(7) } as const;
export type Grace = keyof typeof GRACE_OPTIONS;

/**
 * Makes an AWS key owned by the tenant and attaches it to every plan the tenant is subscribed to. If anything after
 * CreateApiKey fails, the AWS key is deleted again; if even that fails, the caller records it flagged for cleanup,
 * so a half-made key is never invisible. Returns the id and the value (shown once, never stored).
 */
async function makeAttachedKey(tenantId: string, label: string, environment: string, planIds: string[]) {
  const key = await createAwsKey({
    name: `${label} (${environment})`,
    description: `Tollgate key for tenant ${tenantId}`,
    tenantId,
  });
  try {
    for (const planId of planIds) await attachKeyToPlan(planId, key.id);
    return { key };
  } catch (e) {
    await undoAwsKey(key.id, tenantId, label, environment);
    throw e;
  }
}

/** Deletes a half-made AWS key; when AWS refuses that too, records it flagged so the keys overview shows it. */
async function undoAwsKey(id: string, tenantId: string, label: string, environment: string): Promise<void> {
  try {
    await deleteAwsKey(id);
  } catch (e) {
    log.error({ err: e, keyId: id }, "could not delete a half-created API key; flagged for cleanup");
    await insertKeyRecord({ id, tenantId, label, environment, status: "DISABLED", cleanupPending: true });
  }
}

function partnerTenant(actor: Actor): string {
  if (actor.kind !== "partner") throw forbidden();
  return actor.tenantId;
}

export async function createKey(actor: Actor, input: { label: string; environment: string }) {
  assertCan(actor, "keys.self");
  const tenantId = partnerTenant(actor);
  const planIds = await activePlanIds(tenantId);
  if (planIds.length === 0)
    throw invalid(
      "Your organisation is not subscribed to a usage plan yet, so a key would not work. Ask your API provider.",
    );
  // The limit is checked and a slot taken atomically before the AWS call (lib/db/key-slots.ts): parallel calls
  // cannot all pass the check and each make a real key on the account-wide quota.
  const slot = await reserveKeySlot(tenantId, env.PARTNER_KEY_LIMIT);
  try {
    const { key } = await makeAttachedKey(tenantId, input.label, input.environment, planIds);
    try {
      await recordReservedKey(slot, {
        id: key.id,
        tenantId,
        label: input.label,
        environment: input.environment,
        createdById: actor.id,
        createdAt: now(),
      });
    } catch (e) {
      await undoAwsKey(key.id, tenantId, input.label, input.environment);
      throw e;
    }
    return { id: key.id, value: key.value, label: input.label };
  } finally {
    await releaseKeySlot(slot);
  }
}

export async function rotateKey(actor: Actor, input: { keyId: string; grace: Grace }) {
  assertCan(actor, "keys.self");
  const tenantId = partnerTenant(actor);
  const old = await getKey(actor, input.keyId);
  if (old.status !== "ACTIVE") throw invalid("Only an active key can be rotated.");
  if (old.graceUntil) throw invalid("This key was already rotated; rotate its replacement instead.");
  const planIds = await activePlanIds(tenantId);
  const { key } = await makeAttachedKey(tenantId, old.label, old.environment, planIds);
  const at = now();
  const graceUntil = new Date(at.getTime() + GRACE_OPTIONS[input.grace]);
  try {
    await recordRotation(
      {
        id: key.id,
        tenantId,
        label: old.label,
        environment: old.environment,
        createdById: actor.id,
        createdAt: at,
        rotatedFromId: old.id,
      },
      old.id,
      at,
      graceUntil,
    );
  } catch (e) {
    await undoAwsKey(key.id, tenantId, old.label, old.environment);
    throw e;
  }
  if (input.grace === "now") await expireKey(old.id, tenantId);
  return {
    id: key.id,
    value: key.value,
    label: old.label,
    oldKeyId: old.id,
    graceUntil: graceUntil.toISOString(),
  };
}

/**
 * Revoke: disabled at once in AWS (the record follows AWS, so a failure changes nothing). `revokedAt` records the
 * partner's own decision; an operator's disable leaves it as it was.
 */
export async function revokeKey(actor: Actor, keyId: string) {
  assertCan(actor, actor.kind === "partner" ? "keys.self" : "keys.manage");
  const k = await getKey(actor, keyId);
  await setAwsKeyEnabled(k.id, false);
  await updateKeyRecord(k.id, {
    status: "DISABLED",
    disabledBySuspension: false,
    ...(actor.kind === "partner" ? { revokedAt: now() } : {}),
  });
  return { id: k.id };
}

/**
 * Operators enable a disabled key. A key its partner revoked is enabled only as a confirmed override
 * (`overridePartnerRevoke`, audited as such by the action): the partner's decision is never undone silently.
 */
export async function enableKey(actor: Actor, keyId: string, opts: { overridePartnerRevoke?: boolean } = {}) {
  assertCan(actor, "keys.manage");
  const k = await getKey(actor, keyId);
  if (k.cleanupPending) throw invalid("This key was left over by a failed operation; delete it instead.");
  if (k.revokedAt && !opts.overridePartnerRevoke)
    throw invalid(
      "The partner revoked this key. Enabling it overrides their decision: confirm the override to go on.",
    );
  if (k.graceUntil && k.revokedAt)
    throw invalid("The partner revoked this key after replacing it; the replacement is the key to use.");
  await setAwsKeyEnabled(k.id, true);
  await updateKeyRecord(k.id, { status: "ACTIVE", revokedAt: null, disabledBySuspension: false });
  return { id: k.id };
}

export async function deleteKey(actor: Actor, keyId: string) {
  assertCan(actor, actor.kind === "partner" ? "keys.self" : "keys.manage");
  const k = await getKey(actor, keyId);
  if (actor.kind === "partner" && k.status === "ACTIVE")
    throw invalid("Revoke the key before deleting it, so nothing still using it breaks by surprise.");
  if (k.cleanupPending) await deleteAwsKey(k.id);
  else await deleteKeepingUsage(k.id, k.tenantId);
  await updateKeyRecord(k.id, { status: "DELETED", deletedAt: now(), cleanupPending: false });
  return { id: k.id };
}

/** Saves a key's last usage, then deletes it in AWS (AWS forgets a deleted key's usage). */
async function deleteKeepingUsage(id: string, tenantId: string): Promise<void> {
  await syncKeyUsage(id, tenantId, await activePlanIds(tenantId));
  await deleteAwsKey(id);
}

/** Disables then deletes one rotated-out key whose grace window ended. */
export async function expireKey(id: string, tenantId: string): Promise<void> {
  await setAwsKeyEnabled(id, false).catch((e: unknown) => {
    if ((e as AppError).code !== "not_found") throw e;
  });
  await updateKeyRecord(id, { status: "DISABLED" });
  await deleteKeepingUsage(id, tenantId);
  await updateKeyRecord(id, { status: "DELETED", deletedAt: now() });
}

/** The rotation-expiry job: every key past its grace window. Returns how many were retired. */
export async function expireRotatedKeys(): Promise<number> {
  let n = 0;
  for (const k of await keysPastGrace(now())) {
    try {
      await expireKey(k.id, k.tenantId);
      n++;
    } catch (e) {
      log.warn({ err: e, keyId: k.id }, "rotation expiry failed for a key; retrying next run");
    }
  }
  return n;
}

/** Suspension: disable every active key of the tenant in AWS and remember which ones this did. */
export async function disableTenantKeys(tenantId: string): Promise<number> {
  let n = 0;
  for (const k of await liveKeysOfTenant(tenantId)) {
    if (k.status !== "ACTIVE") continue;
    await setAwsKeyEnabled(k.id, false);
    await updateKeyRecord(k.id, { status: "DISABLED", disabledBySuspension: true });
    n++;
  }
  return n;
}

/** Reinstatement: re-enable exactly the keys the suspension disabled. */
export async function reenableTenantKeys(tenantId: string): Promise<number> {
  let n = 0;
  for (const k of await liveKeysOfTenant(tenantId)) {
    if (!k.disabledBySuspension) continue;
    await setAwsKeyEnabled(k.id, true);
    await updateKeyRecord(k.id, { status: "ACTIVE", disabledBySuspension: false });
    n++;
  }
  return n;
}
