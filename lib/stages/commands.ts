import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { createDeployment } from "@/lib/aws/deployments";
import { getV2Stage, updateV2Stage } from "@/lib/aws/http-apis";
import { flushRestStageCache, getRestStage, patchRestStage } from "@/lib/aws/stages";
import { activeRolloutFor } from "@/lib/db/rollouts";
import { AppError } from "@/lib/errors";
import type { HttpStageChange, StageChange } from "@/lib/schemas/stages";
import { httpStageUpdate, stagePatchCalls } from "@/lib/stages/changes";
import type { PatchOp } from "@/lib/stages/patch";
import type { RestStageDto } from "@/lib/stages/types";
import { stageVersion } from "@/lib/stages/version";
import { definedOnly } from "@/lib/utils/defined-only";
import { recordDeploymentWrite, recordRestStageWrite, recordV2StageWrite } from "@/lib/inventory/record";

export const STALE_STAGE_MESSAGE =
  "This stage changed since you loaded the page (someone else, or another tab, changed it). Nothing was applied: reload the page to see the current settings, then make your change again.";

export const ROLLOUT_MANAGES_CANARY =
  "An automated rollout manages this stage's canary: pause, abort or promote it from the rollout's page instead.";

/** Manual canary changes and deploys would fight a running rollout (lib/canary/engine.ts): refuse them. */
async function refuseDuringRollout(restApiId: string, stageName: string): Promise<void> {
  if (await activeRolloutFor(restApiId, stageName)) throw new AppError("conflict", ROLLOUT_MANAGES_CANARY);
}

/** Re-reads the stage and refuses when it is not the version the page showed (optimistic concurrency). */
async function currentRestStage(
  restApiId: string,
  stageName: string,
  version: string,
): Promise<RestStageDto> {
  const stage = await getRestStage(restApiId, stageName);
  if (stageVersion(stage) !== version) throw new AppError("conflict", STALE_STAGE_MESSAGE);
  return stage;
}

/**
 * Applies one stage change as the exact UpdateStage calls the page previewed. Callers: the update-stage action
 * (permission `gateway.manage`).
 */
export async function applyStageChange(
  actor: Actor,
  input: { restApiId: string; stageName: string; version: string; change: StageChange },
): Promise<{ calls: PatchOp[][]; version: string; stage: RestStageDto }> {
  assertCan(actor, "gateway.manage");
  if (input.change.kind.startsWith("canary-") || input.change.kind === "rollback")
    await refuseDuringRollout(input.restApiId, input.stageName);
  let stage = await currentRestStage(input.restApiId, input.stageName, input.version);
  let calls: PatchOp[][];
  try {
    calls = stagePatchCalls(stage, input.change);
  } catch (e) {
    throw new AppError("invalid", (e as Error).message);
  }
  if (calls.every((ops) => ops.length === 0))
    throw new AppError("invalid", "Nothing to change: the stage already has these settings.");
  for (const [i, ops] of calls.entries()) {
    if (ops.length === 0) continue;
    try {
      stage = await patchRestStage(input.restApiId, input.stageName, ops);
    } catch (e) {
      // A promotion whose second call fails has still promoted; say where it stopped instead of hiding it.
      if (i > 0 && e instanceof AppError)
        throw new AppError(
          e.code,
          `The canary was promoted, but removing it failed: ${e.message} Abandon the idle canary to finish.`,
          undefined,
          e.retryAfterSeconds,
        );
      throw e;
    }
  }
  await recordRestStageWrite(actor.email, stage);
  return { calls, version: stageVersion(stage), stage };
}

/** CreateDeployment onto the stage, or as its canary; refuses a plain deploy while a canary runs. */
export async function deployToStage(
  actor: Actor,
  input: {
    restApiId: string;
    stageName: string;
    version: string;
    description: string;
    canary?:
      | { percentTraffic: number; stageVariableOverrides: Record<string, string>; useStageCache: boolean }
      | undefined;
  },
) {
  assertCan(actor, "gateway.manage");
  await refuseDuringRollout(input.restApiId, input.stageName);
  const stage = await currentRestStage(input.restApiId, input.stageName, input.version);
  if (stage.canary && !input.canary)
    throw new AppError(
      "invalid",
      "A canary is running on this stage: promote or abandon it before deploying to the whole stage.",
    );
  if (stage.canary && input.canary)
    throw new AppError("invalid", "A canary is already running on this stage: promote or abandon it first.");
  const d = await createDeployment({
    restApiId: input.restApiId,
    stageName: input.stageName,
    description: input.description,
    ...definedOnly({ canary: input.canary }),
  });
  await recordDeploymentWrite(actor.email, input.restApiId, input.stageName);
  return d;
}

/**
 * Deploys the API's current state to a stage without a page's digest (the automation API): the digest is the
 * stage's state as read now, so only the rollout and canary guards of deployToStage apply. Permission
 * `gateway.manage`.
 */
export async function deployStageNow(
  actor: Actor,
  input: { restApiId: string; stageName: string; description: string },
) {
  assertCan(actor, "gateway.manage");
  const stage = await getRestStage(input.restApiId, input.stageName);
  return deployToStage(actor, { ...input, version: stageVersion(stage) });
}

export async function flushStageCache(actor: Actor, restApiId: string, stageName: string): Promise<void> {
  assertCan(actor, "gateway.manage");
  const stage = await getRestStage(restApiId, stageName);
  if (!stage.cacheClusterEnabled) throw new AppError("invalid", "This stage has no cache cluster to flush.");
  await flushRestStageCache(restApiId, stageName);
}

export async function applyHttpStageChange(
  actor: Actor,
  input: { apiId: string; stageName: string; version: string; change: HttpStageChange },
) {
  assertCan(actor, "gateway.manage");
  const stage = await getV2Stage(input.apiId, input.stageName);
  if (stageVersion(stage) !== input.version) throw new AppError("conflict", STALE_STAGE_MESSAGE);
  const body = httpStageUpdate(stage, input.change);
  if (body.stageVariables && Object.keys(body.stageVariables).length === 0)
    throw new AppError("invalid", "Nothing to change: the stage already has these variables.");
  const next = await updateV2Stage(input.apiId, input.stageName, body);
  await recordV2StageWrite(actor.email, next);
  return { body, version: stageVersion(next) };
}
