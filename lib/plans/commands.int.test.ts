// Usage plans against a real Local Gateway with AWS's control-plane limits on: a second change inside 20 s is
// refused in plain words with the wait; delete is refused while keys are attached.
import { afterAll, describe, expect, it } from "vitest";
import {
  readState,
  setControlLimits,
  startTestGateway,
  type TestGateway,
} from "@tollgate/local-gateway/testing";

const tg: TestGateway = await startTestGateway();
process.env.AWS_ENDPOINT_URL = tg.gw.url;
process.env.TOLLGATE_MODE = "local";
// One attempt per call: the SDK's retries would otherwise wait out the 20 s limit's Retry-After before refusing.
process.env.AWS_MAX_ATTEMPTS = "1";
const { makeActor, makeTenant } = await import("@/test/fixtures");
const plans = await import("./commands");
const keys = await import("@/lib/keys/commands");

afterAll(async () => {
  await tg.stop();
});

const input = (name: string) => ({
  name,
  rateLimit: 10,
  burstLimit: 20,
  quotaLimit: 100,
  quotaPeriod: "DAY" as const,
  apiStages: [],
});

describe("usage plans", () => {
  it("says in plain words how long to wait when AWS limits plan changes to one per 20 s", async () => {
    const operator = await makeActor("operator");
    const plan = await plans.createPlan(operator, input("Throttled plan"));
    await setControlLimits(tg.gw, true);
    try {
      await plans.updatePlan(operator, plan.id, input("Renamed once"));
      const err = await plans.updatePlan(operator, plan.id, input("Renamed twice")).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: "throttled" });
      expect((err as Error).message).toMatch(
        /^API Gateway is limiting how fast this can change: try again in \d+ seconds?\.$/,
      );
    } finally {
      await setControlLimits(tg.gw, false);
    }
  });

  it("subscribes a tenant (its keys join the plan) and refuses to delete a plan that still has keys", async () => {
    const operator = await makeActor("operator");
    const plan = await plans.createPlan(operator, input("Keyed plan"));
    const tenant = await makeTenant();
    await plans.subscribe(operator, tenant.id, plan.id);
    const partner = await makeActor("partner", tenant.id);
    const k = await keys.createKey(partner, { label: "On plan", environment: "test" });
    expect(readState(tg.gw).planKeys[plan.id]).toContain(k.id);
    await expect(plans.deletePlan(operator, plan.id)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/still has 0 API stage\(s\) and 1 key\(s\) attached/),
    });
    // Moving the tenant to another plan moves its keys: in the new plan, out of the old one.
    const other = await plans.createPlan(operator, input("Other plan"));
    await plans.changePlan(operator, tenant.id, plan.id, other.id);
    expect(readState(tg.gw).planKeys[other.id]).toContain(k.id);
    expect(readState(tg.gw).planKeys[plan.id] ?? []).not.toContain(k.id);
    await plans.deletePlan(operator, plan.id);
    expect(readState(tg.gw).usagePlans[plan.id]).toBeUndefined();
  });
});
