import { describe, expect, it } from "vitest";
import { DEFAULT_PLAN } from "@/lib/canary/analysis";
import { uid } from "@/test/fixtures";
import {
  activeKeyOf,
  activeRolloutFor,
  casUpdate,
  completePending,
  createRolloutRow,
  getRollout,
  rolloutRow,
} from "./rollouts";

const operator = {
  kind: "staff" as const,
  id: "op",
  email: "op@test.example",
  name: "Op",
  role: "operator" as const,
  tenantId: null,
};

function newRollout(restApiId = `api${uid()}`) {
  const at = new Date();
  return createRolloutRow({
    restApiId,
    apiName: "shop",
    stageName: "prod",
    activeKey: activeKeyOf(restApiId, "prod"),
    baseDeploymentId: "base1",
    canaryDeploymentId: "canary1",
    plan: DEFAULT_PLAN,
    evaluationSeconds: 60,
    status: "running",
    stepStartedAt: at,
    nextEvaluationAt: at,
    createdById: "op",
    createdByEmail: "op@test.example",
  });
}
const decision = {
  action: "hold" as const,
  reason: "holding",
  stepIndex: 0,
  percent: 5,
  actorEmail: "system",
  failedChecks: 0,
};

describe("canary rollouts in the database", () => {
  it("allows one active rollout per stage, and a new one once it has ended", async () => {
    const r = await newRollout();
    await expect(newRollout(r.restApiId)).rejects.toMatchObject({ code: "P2002" });
    expect((await activeRolloutFor(r.restApiId, "prod"))?.id).toBe(r.id);
    await casUpdate(r, { status: "promoted", activeKey: null, finishedAt: new Date() }, null, new Date());
    expect(await activeRolloutFor(r.restApiId, "prod")).toBeNull();
    const next = await newRollout(r.restApiId);
    expect(next.id).not.toBe(r.id);
  });

  it("compare-and-set: a stale writer changes nothing and leaves no decision behind", async () => {
    const r = await newRollout();
    const first = await casUpdate(r, { failedChecks: 1 }, decision, new Date());
    expect(first).toMatchObject({ failedChecks: 1, version: 1 });
    // The same snapshot again (another replica, or an operator): refused, and its decision is rolled back.
    expect(await casUpdate(r, { failedChecks: 5 }, { ...decision, reason: "stale" }, new Date())).toBeNull();
    const now = await getRollout(operator, r.id);
    expect(now.failedChecks).toBe(1);
    expect(now.decisions.map((d) => d.reason)).toEqual(["holding"]);
  });

  it("completes a pending change with its applied calls in one step, once", async () => {
    const r = await newRollout();
    const pending = await casUpdate(
      r,
      { pendingAction: { kind: "advance", toStep: 1, percent: 10, decisionId: "d-" + r.id } },
      { ...decision, id: "d-" + r.id, action: "advance", reason: "healthy", applied: "pending" },
      new Date(),
    );
    expect((await getRollout(operator, r.id)).decisions[0]).toMatchObject({ applied: null });
    const calls = [[{ op: "replace", path: "/canarySettings/percentTraffic", value: "10" }]];
    const done = await completePending(pending!, "d-" + r.id, calls, { stepIndex: 1 });
    expect(done).toMatchObject({ stepIndex: 1, pendingAction: null });
    expect(await completePending(pending!, "d-" + r.id, [], { stepIndex: 2 })).toBeNull();
    expect((await rolloutRow(r.id)).stepIndex).toBe(1);
    const view = await getRollout(operator, r.id);
    expect(view).toMatchObject({ stepIndex: 1, currentPercent: 10, pending: false });
    expect(view.decisions[0]!.applied).toEqual(calls);
  });

  it("is refused to partners and finance", async () => {
    const r = await newRollout();
    for (const role of ["finance", "partner"] as const)
      await expect(getRollout({ ...operator, role } as never, r.id)).rejects.toThrow();
  });
});
