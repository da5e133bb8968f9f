// Keys against a real Local Gateway through the app's own AWS clients: success, and failures half-way (fault
// injection) that must leave no orphan key in AWS and no partial record in the database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readState, setUsage, startTestGateway, type TestGateway } from "@tollgate/local-gateway/testing";

const tg: TestGateway = await startTestGateway();
process.env.AWS_ENDPOINT_URL = tg.gw.url;
process.env.TOLLGATE_MODE = "local";
const { db } = await import("@/lib/db/client");
const { makeActor, makeTenant } = await import("@/test/fixtures");
const keys = await import("./commands");
const { addSubscription } = await import("@/lib/db/subscriptions");
const { runUsageSync } = await import("@/lib/usage/sync");
const { dayOf } = await import("@/lib/clock");
const { listAllAwsKeys } = await import("@/lib/aws/api-keys");
const { createAwsPlan } = await import("@/lib/aws/usage-plans");

const fault = (operation: string) =>
  tg.raw("/_localgateway/faults", {
    method: "POST",
    body: JSON.stringify({ operation, rate: 1, status: 500 }),
  });
const awsKeys = () => listAllAwsKeys();

let planId = "";
beforeAll(async () => {
  const plan = await createAwsPlan({
    name: "Faults plan",
    rateLimit: 10,
    burstLimit: 20,
    quotaLimit: 1000,
    quotaPeriod: "MONTH",
    apiStages: [],
  });
  planId = plan.id;
});
beforeEach(async () => {
  await tg.raw("/_localgateway/faults", { method: "DELETE" });
});
afterAll(async () => {
  await tg.stop();
});

async function partnerOnPlan() {
  const tenant = await makeTenant();
  await addSubscription(tenant.id, planId, new Date());
  return makeActor("partner", tenant.id);
}

describe("creating a key", () => {
  it("makes an AWS key owned by the tenant, on its plan, recorded without its value", async () => {
    const actor = await partnerOnPlan();
    const out = await keys.createKey(actor, { label: "Checkout", environment: "production" });
    const inAws = (await awsKeys()).find((k) => k.id === out.id);
    expect(inAws?.customerId).toBe(actor.tenantId);
    expect(readState(tg.gw).apiKeys[out.id]?.tags["tollgate:tenant"]).toBe(actor.tenantId);
    expect(readState(tg.gw).planKeys[planId]).toContain(out.id);
    const rec = await db.apiKeyRecord.findUniqueOrThrow({ where: { id: out.id } });
    expect(rec.tenantId).toBe(actor.tenantId);
    expect(JSON.stringify(rec)).not.toContain(out.value);
  });

  it("removes the AWS key again when attaching it to the plan fails, and records nothing", async () => {
    const actor = await partnerOnPlan();
    const before = (await awsKeys()).length;
    await fault("CreateUsagePlanKey");
    await expect(keys.createKey(actor, { label: "Broken", environment: "test" })).rejects.toMatchObject({
      code: "unavailable",
    });
    expect((await awsKeys()).length).toBe(before);
    expect(await db.apiKeyRecord.count({ where: { tenantId: actor.tenantId } })).toBe(0);
  });

  it("records the key flagged for cleanup when even the delete fails, so it is never invisible", async () => {
    const actor = await partnerOnPlan();
    const before = new Set((await awsKeys()).map((k) => k.id));
    await fault("CreateUsagePlanKey");
    await fault("DeleteApiKey");
    await expect(keys.createKey(actor, { label: "Stuck", environment: "test" })).rejects.toBeTruthy();
    const leftover = (await awsKeys()).filter((k) => !before.has(k.id));
    expect(leftover).toHaveLength(1);
    const rec = await db.apiKeyRecord.findUniqueOrThrow({ where: { id: leftover[0]!.id } });
    expect(rec).toMatchObject({ tenantId: actor.tenantId, cleanupPending: true, status: "DISABLED" });
    // An operator deletes it once AWS answers again.
    await tg.raw("/_localgateway/faults", { method: "DELETE" });
    await keys.deleteKey(await makeActor("operator"), rec.id);
    expect((await awsKeys()).some((k) => k.id === rec.id)).toBe(false);
  });
});

describe("the key limit under parallel calls", () => {
  it("14 parallel creations by one partner make 10 AWS keys and refuse 4, leaving no orphan", async () => {
    const actor = await partnerOnPlan();
    const results = await Promise.allSettled(
      Array.from({ length: 14 }, (_, i) => keys.createKey(actor, { label: `P${i}`, environment: "test" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    const inAws = (await awsKeys()).filter((k) => k.customerId === actor.tenantId);
    expect(inAws).toHaveLength(10);
    expect(await db.apiKeyRecord.count({ where: { tenantId: actor.tenantId } })).toBe(10);
    expect(await db.keyReservation.count({ where: { tenantId: actor.tenantId } })).toBe(0);
  });

  it("two parallel rotations of one key record one replacement and remove the other's AWS key", async () => {
    const actor = await partnerOnPlan();
    const k = await keys.createKey(actor, { label: "R", environment: "test" });
    const results = await Promise.allSettled(
      [1, 2].map(() => keys.rotateKey(actor, { keyId: k.id, grace: "1h" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.apiKeyRecord.count({ where: { rotatedFromId: k.id } })).toBe(1);
    expect((await awsKeys()).filter((x) => x.customerId === actor.tenantId)).toHaveLength(2);
  });
});

describe("rotating a key", () => {
  it("leaves the old key untouched and no new key anywhere when the new key cannot join the plan", async () => {
    const actor = await partnerOnPlan();
    const old = await keys.createKey(actor, { label: "Rotating", environment: "production" });
    const before = (await awsKeys()).length;
    await fault("CreateUsagePlanKey");
    await expect(keys.rotateKey(actor, { keyId: old.id, grace: "1h" })).rejects.toBeTruthy();
    expect((await awsKeys()).length).toBe(before);
    const recs = await db.apiKeyRecord.findMany({ where: { tenantId: actor.tenantId } });
    expect(recs).toHaveLength(1);
    expect(recs[0]).toMatchObject({ id: old.id, graceUntil: null, status: "ACTIVE" });
  });

  it("keeps the old key until its grace ends, then the expiry job disables and deletes it", async () => {
    const actor = await partnerOnPlan();
    const old = await keys.createKey(actor, { label: "Graceful", environment: "production" });
    const rotated = await keys.rotateKey(actor, { keyId: old.id, grace: "1h" });
    expect(readState(tg.gw).planKeys[planId]).toContain(rotated.id);
    await keys.expireRotatedKeys();
    expect(readState(tg.gw).apiKeys[old.id]?.enabled).toBe(true);
    await db.apiKeyRecord.update({
      where: { id: old.id },
      data: { graceUntil: new Date(Date.now() - 1000) },
    });
    await keys.expireRotatedKeys();
    expect(readState(tg.gw).apiKeys[old.id]).toBeUndefined();
    expect((await db.apiKeyRecord.findUniqueOrThrow({ where: { id: old.id } })).status).toBe("DELETED");
  });
});

describe("suspension", () => {
  it("disables every active key and re-enables exactly those on reinstatement", async () => {
    const actor = await partnerOnPlan();
    const a = await keys.createKey(actor, { label: "A", environment: "production" });
    const b = await keys.createKey(actor, { label: "B", environment: "production" });
    await keys.revokeKey(actor, b.id); // revoked by the partner before the suspension
    expect(await keys.disableTenantKeys(actor.tenantId)).toBe(1);
    expect(readState(tg.gw).apiKeys[a.id]?.enabled).toBe(false);
    expect(await keys.reenableTenantKeys(actor.tenantId)).toBe(1);
    expect(readState(tg.gw).apiKeys[a.id]?.enabled).toBe(true);
    expect(readState(tg.gw).apiKeys[b.id]?.enabled).toBe(false);
  });
});

describe("enabling a key its partner revoked", () => {
  it("is refused unless confirmed as an override; an operator's own disable is not guarded", async () => {
    const partner = await partnerOnPlan();
    const operator = await makeActor("operator");
    const k = await keys.createKey(partner, { label: "Revoked", environment: "production" });
    await keys.revokeKey(partner, k.id);
    await expect(keys.enableKey(operator, k.id)).rejects.toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/partner revoked this key/),
    });
    expect(readState(tg.gw).apiKeys[k.id]?.enabled).toBe(false);
    await keys.enableKey(operator, k.id, { overridePartnerRevoke: true });
    expect(readState(tg.gw).apiKeys[k.id]?.enabled).toBe(true);
    expect((await db.apiKeyRecord.findUniqueOrThrow({ where: { id: k.id } })).revokedAt).toBeNull();

    await keys.revokeKey(operator, k.id); // the operator's own disable: not the partner's word
    expect((await db.apiKeyRecord.findUniqueOrThrow({ where: { id: k.id } })).revokedAt).toBeNull();
    await keys.enableKey(operator, k.id);
    expect(readState(tg.gw).apiKeys[k.id]?.enabled).toBe(true);
  });

  it("is impossible for a rotated-out key the partner revoked (its replacement exists)", async () => {
    const partner = await partnerOnPlan();
    const operator = await makeActor("operator");
    const old = await keys.createKey(partner, { label: "Rotated", environment: "production" });
    await keys.rotateKey(partner, { keyId: old.id, grace: "1h" });
    await keys.revokeKey(partner, old.id);
    await expect(keys.enableKey(operator, old.id, { overridePartnerRevoke: true })).rejects.toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/replacement/),
    });
    expect(readState(tg.gw).apiKeys[old.id]?.enabled).toBe(false);
  });
});

describe("usage sync", () => {
  it("upserts GetUsage into usage_daily idempotently, with the owning tenant", async () => {
    const actor = await partnerOnPlan();
    const k = await keys.createKey(actor, { label: "Counted", environment: "production" });
    const today = dayOf(new Date());
    setUsage(tg.gw, [{ planId, keyId: k.id, days: { [today]: 7 } }]);
    const sum = async () =>
      (await db.usageDaily.aggregate({ where: { apiKeyId: k.id }, _sum: { requests: true } }))._sum.requests;
    const first = await runUsageSync({ days: 4, rps: 50 });
    expect(first.awsCalls).toBeGreaterThan(0);
    expect(await sum()).toBe(7);
    await runUsageSync({ days: 4, rps: 50 });
    expect(await sum()).toBe(7);
    setUsage(tg.gw, [{ planId, keyId: k.id, days: { [today]: 9 } }]);
    await runUsageSync({ days: 4, rps: 50 });
    expect(await sum()).toBe(9);
    const row = await db.usageDaily.findFirstOrThrow({ where: { apiKeyId: k.id } });
    expect(row).toMatchObject({ tenantId: actor.tenantId, usagePlanId: planId, day: today });
  });
});
