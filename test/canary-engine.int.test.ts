// The canary rollout engine against a real Local Gateway (through the console's SDK clients) and the test database:
// healthy rollouts advance and promote, bad ones roll back, interrupted changes are resumed without being sent
// twice, concurrent evaluations make one transition, and operator controls work. Metrics come from real data-plane
// traffic; time is passed to the engine so hold times need no waiting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operator, startCanaryFixture, type CanaryFixture } from "./canary-fixture";

let fx: CanaryFixture;
let engine: typeof import("@/lib/canary/engine");
let commands: typeof import("@/lib/canary/commands");
let rollouts: typeof import("@/lib/db/rollouts");
let schema: typeof import("@/lib/schemas/rollouts");

beforeAll(async () => {
  fx = await startCanaryFixture();
  engine = await import("@/lib/canary/engine");
  commands = await import("@/lib/canary/commands");
  rollouts = await import("@/lib/db/rollouts");
  schema = await import("@/lib/schemas/rollouts");
});
afterAll(() => fx?.close());

const FAST = {
  steps: [
    { percent: 20, holdSeconds: 0 },
    { percent: 50, holdSeconds: 0 },
  ],
  gates: { max5xxPercent: 1, max5xxIncreasePoints: 0.5, maxP99Ms: 1500, maxP99Ratio: 1.5, minRequests: 20 },
  failureThreshold: 2,
  evaluationSeconds: 5,
};

async function start(version: string, extra: Record<string, unknown> = {}) {
  const api = await fx.newApi();
  const input = schema.startRolloutSchema.parse({
    restApiId: api.restApiId,
    stageName: "prod",
    deployment: { kind: "new", description: `release ${version}` },
    overrides: { version },
    ...FAST,
    ...extra,
  });
  const r = await commands.startRollout(operator, input);
  return { api, r };
}

/** Sends traffic, then evaluates the rollout as the job would (its evaluation is due by then). */
async function evaluate(id: string, requests = 200) {
  const row = await rollouts.rolloutRow(id);
  if (requests) await fx.traffic(row.restApiId, requests);
  // Due or not: the job only picks due rollouts, the evaluation itself does not wait (holds here are 0 s).
  return engine.evaluateRollout(row);
}

const actions = async (id: string) =>
  (await rollouts.getRollout(operator, id)).decisions.map((d) => `${d.action}:${d.reason}`).reverse();

describe("canary rollout engine", () => {
  it("advances a healthy canary through every step and promotes it, each step sent once", async () => {
    await fx.resetCalls();
    const { api, r } = await start("v2");
    expect(r.status).toBe("running");
    expect((await fx.stage(api.restApiId)).canarySettings).toMatchObject({
      deploymentId: r.canaryDeploymentId,
      percentTraffic: 20,
    });
    expect(await evaluate(r.id)).toMatchObject({ action: "advance" });
    expect((await fx.stage(api.restApiId)).canarySettings?.percentTraffic).toBe(50);
    expect(await evaluate(r.id)).toMatchObject({ action: "promote" });
    const stage = await fx.stage(api.restApiId);
    expect(stage.deploymentId).toBe(r.canaryDeploymentId);
    expect(stage.canarySettings).toBeUndefined();

    const done = await rollouts.getRollout(operator, r.id);
    expect(done).toMatchObject({
      status: "promoted",
      currentPercent: 100,
      pending: false,
      finishedAt: expect.any(String),
    });
    expect(await actions(r.id)).toEqual(["start:operator", "advance:healthy", "promote:healthy"]);
    // The numbers behind each decision are stored: canary and base requests, and every gate passed.
    const advance = done.decisions.find((d) => d.action === "advance")!;
    expect(advance.metrics!.canary.requests).toBeGreaterThanOrEqual(20);
    expect(advance.metrics!.base.requests).toBeGreaterThan(0);
    expect(advance.checks.length).toBeGreaterThanOrEqual(2);
    expect(advance.checks.every((c) => c.passed)).toBe(true);
    expect(advance.applied).toEqual([
      [{ op: "replace", path: "/canarySettings/percentTraffic", value: "50" }],
    ]);
    // Start 1 + advance 1 + promote 2 (copy, then remove the idle canary).
    expect((await fx.calls()).UpdateStage).toBe(4);
    // The stage is free for the next rollout.
    expect(await rollouts.activeRolloutFor(api.restApiId, "prod")).toBeNull();
  });

  it("rolls a bad canary back at the second failed check, leaving the base serving", async () => {
    fx.upstream.config.v3.errorRate = 0.5;
    try {
      const { api, r } = await start("v3");
      expect(await evaluate(r.id)).toMatchObject({ action: "hold", reason: "failed-check" });
      expect(await evaluate(r.id)).toMatchObject({ action: "rollback" });
      const stage = await fx.stage(api.restApiId);
      expect(stage.canarySettings).toBeUndefined();
      expect(stage.deploymentId).toBe(api.baseDeploymentId);
      const done = await rollouts.getRollout(operator, r.id);
      expect(done.status).toBe("rolled_back");
      expect(await actions(r.id)).toEqual(["start:operator", "hold:failed-check", "rollback:failed-checks"]);
      const failed = done.decisions.find((d) => d.action === "rollback")!;
      expect(failed.checks.find((c) => c.gate === "5xx-rate")).toMatchObject({
        passed: false,
        threshold: 0.01,
      });
      expect(failed.explanation).toMatch(/Rolled back after 2 failed checks \(Canary 5XX rate/);
    } finally {
      fx.upstream.config.v3.errorRate = 0;
    }
  });

  it("holds without enough canary requests, and does not count that as a failed check", async () => {
    const { r } = await start("v2", { gates: { ...FAST.gates, minRequests: 10_000 } });
    expect(await evaluate(r.id, 40)).toMatchObject({ action: "hold", reason: "not-enough-data" });
    const now = await rollouts.getRollout(operator, r.id);
    expect(now).toMatchObject({ stepIndex: 0, failedChecks: 0, status: "running" });
    expect(now.decisions[0]!.explanation).toMatch(/Not enough data: \d+ canary requests \(at least 10000/);
    await commands.controlRollout(operator, r.id, "abort");
  });

  it("resumes a change interrupted after API Gateway applied it, without sending it again", async () => {
    const { api, r } = await start("v2");
    // As if a process wrote the intent, sent the UpdateStage, and died before recording it.
    const row = await rollouts.rolloutRow(r.id);
    const decisionId = "crash-decision-1";
    await rollouts.casUpdate(
      row,
      { pendingAction: { kind: "advance", toStep: 1, percent: 50, decisionId } },
      {
        id: decisionId,
        action: "advance",
        reason: "healthy",
        stepIndex: 1,
        percent: 50,
        actorEmail: "system",
        failedChecks: 0,
        applied: "pending",
      },
      new Date(),
    );
    const { UpdateStageCommand } = await import("@aws-sdk/client-api-gateway");
    await fx.sdk.send(
      new UpdateStageCommand({
        restApiId: api.restApiId,
        stageName: "prod",
        patchOperations: [{ op: "replace", path: "/canarySettings/percentTraffic", value: "50" }],
      }),
    );
    await fx.resetCalls();
    const pending = await rollouts.rolloutRow(r.id);
    // Too fresh: it may still be in flight in another process, so the engine leaves it alone.
    expect(await engine.evaluateRollout(pending)).toMatchObject({ action: "wait-pending" });
    // Once stale, it is resumed: the stage already has 50 %, so nothing is sent again.
    const out = await engine.evaluateRollout(pending, Date.now() + engine.PENDING_STALE_MS + 1000);
    expect(out).toMatchObject({ action: "resumed:advance" });
    expect((await fx.calls()).UpdateStage ?? 0).toBe(0);
    expect(await rollouts.getRollout(operator, r.id)).toMatchObject({
      stepIndex: 1,
      currentPercent: 50,
      pending: false,
    });
    const d = (await rollouts.getRollout(operator, r.id)).decisions.find((x) => x.id === decisionId)!;
    expect(d.applied).toEqual([]);
    await commands.controlRollout(operator, r.id, "abort");
  });

  it("makes one transition when two replicas evaluate the same rollout at once", async () => {
    const { api, r } = await start("v2");
    await fx.traffic(api.restApiId, 200);
    const row = await rollouts.rolloutRow(r.id);
    await fx.resetCalls();
    const outs = await Promise.all([engine.evaluateRollout(row), engine.evaluateRollout(row)]);
    expect(outs.map((o) => o.action).sort()).toEqual(["advance", "lost-race"]);
    expect((await fx.calls()).UpdateStage).toBe(1);
    expect((await actions(r.id)).filter((a) => a.startsWith("advance"))).toHaveLength(1);
    await commands.controlRollout(operator, r.id, "abort");
  });

  it("fails the rollout without touching the stage when the canary was removed outside Tollgate", async () => {
    const { api, r } = await start("v2");
    const { UpdateStageCommand } = await import("@aws-sdk/client-api-gateway");
    await fx.sdk.send(
      new UpdateStageCommand({
        restApiId: api.restApiId,
        stageName: "prod",
        patchOperations: [{ op: "remove", path: "/canarySettings" }],
      }),
    );
    await fx.resetCalls();
    expect(await evaluate(r.id)).toMatchObject({ action: "failed" });
    const done = await rollouts.getRollout(operator, r.id);
    expect(done.status).toBe("failed");
    expect(done.lastError).toMatch(/changed outside Tollgate/);
    expect((await fx.calls()).UpdateStage ?? 0).toBe(0);
  });

  it("pauses, resumes, waits for approval, and refuses a second rollout on the stage", async () => {
    const { api, r } = await start("v2", { manualApproval: true, steps: [{ percent: 30, holdSeconds: 0 }] });
    await expect(
      commands.startRollout(
        operator,
        schema.startRolloutSchema.parse({
          restApiId: api.restApiId,
          stageName: "prod",
          deployment: { kind: "new" },
        }),
      ),
    ).rejects.toThrow(/already has a rollout in progress/);

    await commands.controlRollout(operator, r.id, "pause");
    expect(await evaluate(r.id, 0)).toMatchObject({ action: "skip" });
    await expect(commands.controlRollout(operator, r.id, "pause")).rejects.toThrow(/already paused/);
    await commands.controlRollout(operator, r.id, "resume");

    expect(await evaluate(r.id)).toMatchObject({ action: "hold", reason: "awaiting-approval" });
    await commands.controlRollout(operator, r.id, "approve");
    expect(await evaluate(r.id)).toMatchObject({ action: "promote" });
    expect(await actions(r.id)).toEqual([
      "start:operator",
      "pause:operator",
      "resume:operator",
      "hold:awaiting-approval",
      "approve:operator",
      "promote:healthy",
    ]);
    await expect(commands.controlRollout(operator, r.id, "abort")).rejects.toThrow(
      /already ended \(promoted\)/,
    );
  });

  it("refuses manual canary changes and deploys on a stage while its rollout runs", async () => {
    const { api, r } = await start("v2");
    const { applyStageChange, deployToStage } = await import("@/lib/stages/commands");
    await expect(
      applyStageChange(operator, {
        restApiId: api.restApiId,
        stageName: "prod",
        version: "any",
        change: { kind: "canary-abandon" },
      }),
    ).rejects.toThrow(/automated rollout manages this stage's canary/);
    await expect(
      deployToStage(operator, {
        restApiId: api.restApiId,
        stageName: "prod",
        version: "any",
        description: "x",
      }),
    ).rejects.toThrow(/automated rollout manages/);
    await commands.controlRollout(operator, r.id, "abort");
    expect((await fx.stage(api.restApiId)).canarySettings).toBeUndefined();
  });

  it("refuses a webhook into the console's own network before creating anything", async () => {
    const { db } = await import("@/lib/db/client");
    const api = await fx.newApi();
    const input = schema.startRolloutSchema.parse({
      restApiId: api.restApiId,
      stageName: "prod",
      deployment: { kind: "new", description: "release v9" },
      ...FAST,
      webhookUrl: "http://169.254.169.254/latest/meta-data/",
    });
    await expect(commands.startRollout(operator, input)).rejects.toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/link-local/),
    });
    // Nothing for this API (counted per API: other files start rollouts in this database at the same time).
    expect(await db.canaryRollout.count({ where: { restApiId: api.restApiId } })).toBe(0);
  });

  it("POSTs start, each step and the promotion to the webhook as JSON", async () => {
    const { createServer } = await import("node:http");
    const events: Record<string, unknown>[] = [];
    const hook = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        events.push({
          ...(JSON.parse(body) as Record<string, unknown>),
          contentType: req.headers["content-type"],
          body,
          signature: req.headers["x-tollgate-signature"],
        });
        res.end();
      });
    });
    await new Promise<void>((res) => hook.listen(0, "127.0.0.1", res));
    try {
      const port = (hook.address() as { port: number }).port;
      const { r } = await start("v2", { webhookUrl: `http://127.0.0.1:${port}/hooks/rollouts` });
      await evaluate(r.id);
      await evaluate(r.id);
      await expect.poll(() => events.length).toBe(3);
      expect(events.map((e) => [e.event, e.percent])).toEqual([
        ["rollout.start", 20],
        ["rollout.advance", 50],
        ["rollout.promote", 100],
      ]);
      expect(events[2]).toMatchObject({
        rolloutId: r.id,
        stage: "prod",
        status: "promoted",
        canaryDeploymentId: r.canaryDeploymentId,
        contentType: "application/json",
      });
      // Each body is signed with the rollout's secret (shown once at start), as a receiver would verify it.
      const { rolloutWebhookSecret } = await import("@/lib/canary/webhook");
      const { verifySignature } = await import("@/lib/security/webhook-signature");
      for (const e of events)
        expect(verifySignature(rolloutWebhookSecret(r.id), e.body as string, e.signature as string)).toBe(
          true,
        );
      expect(verifySignature("whsec_wrong", events[0]!.body as string, events[0]!.signature as string)).toBe(
        false,
      );
      // The same events are in the audit trail, as the system.
      const { listAuditEvents } = await import("@/lib/db/audit");
      const admin = { ...operator, role: "admin" as const };
      const audit = await listAuditEvents(admin, { target: r.id, page: 1, pageSize: 50 });
      expect(audit.events.map((e) => `${e.actorEmail} ${e.action}`).sort()).toEqual([
        "system@tollgate rollout.advance",
        "system@tollgate rollout.promote",
        "system@tollgate rollout.start",
      ]);
    } finally {
      hook.close();
    }
  });
});
