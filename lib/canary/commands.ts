import "server-only";
import { log } from "@/lib/log";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { createDeployment, listDeployments } from "@/lib/aws/deployments";
import { getRestApi } from "@/lib/aws/rest-apis";
import { getRestStage } from "@/lib/aws/stages";
import {
  activeKeyOf,
  activeRolloutFor,
  casUpdate,
  createRolloutRow,
  currentPercent,
  rolloutDto,
  rolloutRow,
  type RolloutRow,
} from "@/lib/db/rollouts";
import { conflict, invalid } from "@/lib/errors";
import type { RolloutCommand, StartRolloutInput } from "@/lib/schemas/rollouts";
import type { RolloutPlan } from "./analysis";
import { announce, failRollout, nowDate, performPending, stepPercent, transition } from "./apply";
import type { RolloutDto } from "./types";
import { checkWebhookTarget } from "./webhook";

// What operators do to rollouts: start one, and pause, resume, approve, promote now or abort it.

/**
 * Starts a rollout: a new or existing deployment becomes the stage's canary at the first step's percentage.
 * The stage must have no canary of another deployment and no other active rollout.
 */
export async function startRollout(actor: Actor, input: StartRolloutInput): Promise<RolloutDto> {
  assertCan(actor, "gateway.manage");
  // Before anything is created: a webhook may not point into the console's own network (SSRF).
  if (input.webhookUrl) {
    const problem = await checkWebhookTarget(input.webhookUrl);
    if (problem) throw invalid(problem, "webhookUrl");
  }
  if (await activeRolloutFor(input.restApiId, input.stageName))
    throw conflict("This stage already has a rollout in progress: finish, abort or promote it first.");
  const [api, stage] = await Promise.all([
    getRestApi(input.restApiId),
    getRestStage(input.restApiId, input.stageName),
  ]);
  let canaryDeploymentId: string;
  if (input.deployment.kind === "existing") {
    const id = input.deployment.deploymentId;
    if (id === stage.deploymentId)
      throw invalid(
        "That deployment already serves the whole stage: pick a different one to roll out.",
        "deploymentId",
      );
    if (!(await listDeployments(input.restApiId)).some((d) => d.id === id))
      throw invalid("That deployment does not exist in this API.", "deploymentId");
    canaryDeploymentId = id;
  } else {
    canaryDeploymentId = "";
  }
  if (stage.canary && stage.canary.deploymentId !== canaryDeploymentId)
    throw conflict(
      `This stage already runs a canary on deployment ${stage.canary.deploymentId}. Promote or abandon it first, or start the rollout on that deployment.`,
    );
  if (input.deployment.kind === "new") {
    // A deployment of the API's current state, not attached to any stage yet; the rollout makes it the canary.
    const d = await createDeployment({
      restApiId: input.restApiId,
      description: input.deployment.description || `Rollout to ${input.stageName}`,
    });
    canaryDeploymentId = d.id;
  }

  const plan: RolloutPlan = {
    steps: input.steps,
    gates: {
      max5xxRate: input.gates.max5xxPercent / 100,
      max5xxRateIncrease: input.gates.max5xxIncreasePoints / 100,
      maxP99Ms: input.gates.maxP99Ms,
      maxP99Ratio: input.gates.maxP99Ratio,
      minRequests: input.gates.minRequests,
    },
    failureThreshold: input.failureThreshold,
    manualApproval: input.manualApproval,
  };
  const at = nowDate();
  const decisionId = randomUUID();
  const percent = stepPercent(plan, 0);
  let row: RolloutRow;
  try {
    row = await createRolloutRow({
      restApiId: input.restApiId,
      apiName: api.name,
      stageName: input.stageName,
      activeKey: activeKeyOf(input.restApiId, input.stageName),
      baseDeploymentId: stage.deploymentId,
      canaryDeploymentId,
      overrides: input.overrides,
      plan,
      evaluationSeconds: input.evaluationSeconds,
      webhookUrl: input.webhookUrl || null,
      status: "running",
      stepStartedAt: at,
      nextEvaluationAt: new Date(at.getTime() + input.evaluationSeconds * 1000),
      pendingAction: { kind: "start", percent, decisionId },
      createdById: actor.id,
      createdByEmail: actor.email,
      firstDecision: {
        id: decisionId,
        at,
        stepIndex: 0,
        percent,
        action: "start",
        reason: "operator",
        actorEmail: actor.email,
        failedChecks: 0,
        applied: "pending",
      },
    });
  } catch (e) {
    if ((e as { code?: string }).code === "P2002")
      throw conflict("This stage already has a rollout in progress: finish, abort or promote it first.");
    throw e;
  }
  try {
    row = await performPending(row);
  } catch (e) {
    // Nothing may be left half-started: record why, free the stage and tell the operator.
    await failRollout(row, `starting failed: ${(e as Error).message}`).catch((err: unknown) =>
      log.error({ err, rollout: row.id }, "recording a failed rollout start failed"),
    );
    throw e;
  }
  return rolloutDto(row);
}

const BUSY =
  "The rollout is changing the stage at this moment. Wait a few seconds and try again (the page updates on its own).";

/** Pause, resume, abort (roll back now), promote now, approve the promotion. */
export async function controlRollout(
  actor: Actor,
  rolloutId: string,
  command: RolloutCommand,
): Promise<RolloutDto> {
  assertCan(actor, "gateway.manage");
  const r = await rolloutRow(rolloutId);
  if (!r.activeKey) throw conflict(`This rollout has already ended (${r.status.replace("_", " ")}).`);
  if (r.pendingAction) throw conflict(BUSY);
  const plan = r.plan;
  const at = nowDate();
  const decision = {
    stepIndex: r.stepIndex,
    percent: currentPercent(r),
    actorEmail: actor.email,
    failedChecks: r.failedChecks,
    reason: "operator",
  };
  let out: RolloutRow | null;
  switch (command) {
    case "pause":
      if (r.status === "paused") throw conflict("The rollout is already paused.");
      out = await casUpdate(r, { status: "paused" }, { ...decision, action: "pause" }, at);
      break;
    case "resume":
      if (r.status !== "paused") throw conflict("The rollout is not paused.");
      out = await casUpdate(
        r,
        { status: "running", nextEvaluationAt: at },
        { ...decision, action: "resume" },
        at,
      );
      break;
    case "approve":
      if (!plan.manualApproval) throw invalid("This rollout does not wait for approval.");
      if (r.approved) throw conflict("The promotion is already approved.");
      out = await casUpdate(
        r,
        { approved: true, nextEvaluationAt: at },
        { ...decision, action: "approve" },
        at,
      );
      break;
    case "abort":
    case "promote": {
      const kind = command === "abort" ? "rollback" : "promote";
      out = await transition(r, { kind, reason: "operator" }, { ...decision, action: kind });
      break;
    }
  }
  if (!out) throw conflict(BUSY);
  if (command === "pause" || command === "resume" || command === "approve") await announce(out, command, []);
  return rolloutDto(out);
}
