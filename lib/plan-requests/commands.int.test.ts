// Plan requests against a real Local Gateway: one open request per tenant even under races, approval runs the
// plan change (keys move), decline and withdraw are compare-and-set, both sides get mail, other tenants get 404.
import { afterAll, describe, expect, it } from "vitest";
import { readState, startTestGateway, type TestGateway } from "@tollgate/local-gateway/testing";

const tg: TestGateway = await startTestGateway();
process.env.AWS_ENDPOINT_URL = tg.gw.url;
process.env.TOLLGATE_MODE = "local";
const { makeActor, makeTenant, uid } = await import("@/test/fixtures");
const { db } = await import("@/lib/db/client");
const plans = await import("@/lib/plans/commands");
const keys = await import("@/lib/keys/commands");
const requests = await import("./commands");
const { loadPlanChoices, loadPlanRequests } = await import("./loaders");

afterAll(async () => {
  await tg.stop();
});

const input = (name: string, quotaLimit: number) => ({
  name,
  rateLimit: 10,
  burstLimit: 20,
  quotaLimit,
  quotaPeriod: "DAY" as const,
  apiStages: [],
});

async function setup() {
  const operator = await makeActor("operator");
  const basic = await plans.createPlan(operator, input(`Basic ${uid()}`, 100));
  const pro = await plans.createPlan(operator, input(`Pro ${uid()}`, 10_000));
  const tenant = await makeTenant();
  await plans.subscribe(operator, tenant.id, basic.id);
  const partner = await makeActor("partner", tenant.id);
  const key = await keys.createKey(partner, { label: "Checkout", environment: "test" });
  return { operator, basic, pro, tenant, partner, key };
}

const mailsTo = (to: string) => db.outboxMail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });

describe("plan requests", () => {
  it("allows one open request per tenant, even when two are sent at the same moment", async () => {
    const { partner, pro, basic } = await setup();
    const other = await plans.createPlan(await makeActor("operator"), input(`Other ${uid()}`, 500));
    const results = await Promise.allSettled([
      requests.requestPlanChange(partner, { toPlanId: pro.id, fromPlanId: null, message: "We grow fast" }),
      requests.requestPlanChange(partner, { toPlanId: other.id, fromPlanId: null, message: "Or this one" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/already has a plan request/),
    });
    const open = await loadPlanRequests(partner, { open: true });
    expect(open).toHaveLength(1);
    expect(open[0]!.fromPlanId).toBe(basic.id);
    // The form offers every other plan, not the current one.
    const { choices, current } = await loadPlanChoices(partner);
    expect(current.map((c) => c.id)).toEqual([basic.id]);
    expect(choices.map((c) => c.id)).not.toContain(basic.id);
    expect(choices.map((c) => c.id)).toContain(pro.id);
  });

  it("refuses a plan the tenant is on and a plan that does not exist, writing nothing", async () => {
    const { partner, basic } = await setup();
    await expect(
      requests.requestPlanChange(partner, { toPlanId: basic.id, fromPlanId: null, message: "Same again" }),
    ).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { toPlanId: [expect.stringMatching(/already on/)] },
    });
    await expect(
      requests.requestPlanChange(partner, {
        toPlanId: "nosuchplan",
        fromPlanId: null,
        message: "Ghost plan",
      }),
    ).rejects.toMatchObject({ code: "invalid" });
    expect(await db.planRequest.count({ where: { tenantId: partner.tenantId } })).toBe(0);
  });

  it("approval moves the tenant's keys to the new plan and tells both sides", async () => {
    const { operator, partner, basic, pro, key } = await setup();
    const teammate = await makeActor("partner", partner.tenantId);
    const r = await requests.requestPlanChange(partner, {
      toPlanId: pro.id,
      fromPlanId: null,
      message: "Launching in May",
      notifyMe: true,
    });
    expect(
      (await mailsTo(operator.email)).some(
        (m) => m.subject.includes(partner.tenantName) && m.text.includes("Launching in May"),
      ),
    ).toBe(true);
    // Another tenant's partner cannot withdraw it: it does not exist for them.
    const stranger = await makeActor("partner");
    await expect(requests.withdrawPlanRequest(stranger, r.id)).rejects.toMatchObject({ code: "not_found" });
    await requests.approvePlanRequest(operator, r.id);
    const state = readState(tg.gw);
    expect(state.planKeys[pro.id]).toContain(key.id);
    expect(state.planKeys[basic.id] ?? []).not.toContain(key.id);
    const subs = await db.subscription.findMany({ where: { tenantId: partner.tenantId, until: null } });
    expect(subs.map((s) => s.usagePlanId)).toEqual([pro.id]);
    const [done] = await loadPlanRequests(partner);
    expect(done).toMatchObject({ status: "APPROVED", decidedBy: expect.stringContaining(operator.email) });
    expect((await mailsTo(partner.email)).map((m) => m.subject)).toContain("Your plan request was approved");
    expect(await mailsTo(teammate.email)).toHaveLength(0); // did not turn the alert on
    // Deciding twice loses the compare-and-set; nothing runs again.
    await expect(requests.approvePlanRequest(operator, r.id)).rejects.toMatchObject({ code: "conflict" });
    await expect(requests.declinePlanRequest(operator, r.id, "Too late")).rejects.toMatchObject({
      code: "conflict",
    });
    // The slot is free again: a new request may be sent.
    await requests.requestPlanChange(partner, { toPlanId: basic.id, fromPlanId: null, message: "Back down" });
  });

  it("a decline keeps the plan, records the reason and frees the slot; a withdrawn request cannot be approved", async () => {
    const { operator, partner, basic, pro, key } = await setup();
    const r = await requests.requestPlanChange(partner, {
      toPlanId: pro.id,
      fromPlanId: null,
      message: "Please",
      notifyMe: true,
    });
    await requests.declinePlanRequest(operator, r.id, "Pro needs a signed contract");
    expect(readState(tg.gw).planKeys[basic.id]).toContain(key.id);
    const [declined] = await loadPlanRequests(partner);
    expect(declined).toMatchObject({ status: "DECLINED", reason: "Pro needs a signed contract" });
    const mail = (await mailsTo(partner.email)).find((m) => m.subject === "Your plan request was declined");
    expect(mail?.text).toContain("Pro needs a signed contract");
    const again = await requests.requestPlanChange(partner, {
      toPlanId: pro.id,
      fromPlanId: null,
      message: "Signed",
    });
    await requests.withdrawPlanRequest(partner, again.id);
    await expect(requests.approvePlanRequest(operator, again.id)).rejects.toMatchObject({ code: "conflict" });
    expect(readState(tg.gw).planKeys[pro.id] ?? []).not.toContain(key.id);
  });

  it("a failed plan change leaves the request pending", async () => {
    const { operator, partner, pro } = await setup();
    const r = await requests.requestPlanChange(partner, {
      toPlanId: pro.id,
      fromPlanId: null,
      message: "Please",
    });
    await plans.deletePlan(operator, pro.id); // the requested plan is gone before the decision
    await expect(requests.approvePlanRequest(operator, r.id)).rejects.toMatchObject({ code: "not_found" });
    const [still] = await loadPlanRequests(partner);
    expect(still!.status).toBe("PENDING");
  });
});
