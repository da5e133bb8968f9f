import "server-only";
import { listDeployments } from "@/lib/aws/deployments";
import { getRestStage } from "@/lib/aws/stages";
import { countPlanKeys, type PlanDto } from "@/lib/aws/usage-plans";
import { recordChange } from "@/lib/db/gateway-changes";
import {
  deletePlanRow,
  inventoryTransaction,
  putPlan,
  putRestStage,
  putV2Stage,
  setRestApiDetail,
  storedPlan,
  storedRestStage,
  storedV2Stage,
} from "@/lib/db/inventory";
import { log } from "@/lib/log";
import type { HttpStageDto, RestStageDto } from "@/lib/stages/types";
import { httpStageDiff, planDiff, restStageDiff } from "./diff-words";
import { inventoryScope } from "./scope";

/**
 * Tollgate's own writes update the inventory at once from the write's response and are recorded as "tollgate"
 * changes, so the operator sees the result immediately and the next sync finds nothing unexplained. Callers: the
 * stage, deployment and usage-plan services and the canary engine, AFTER AWS accepted the write. A failure here is
 * logged, never thrown: the write itself succeeded (the next sync then reports it as an outside change).
 */
async function safely(what: string, fn: () => Promise<void>) {
  try {
    await fn();
  } catch (e) {
    log.error({ err: e, what }, "inventory update after a Tollgate write failed");
  }
}

export function recordRestStageWrite(actorEmail: string, after: RestStageDto, apiName?: string) {
  return safely("rest-stage", async () => {
    const scope = inventoryScope();
    const before = await storedRestStage(scope, after.restApiId, after.stageName);
    const words = before ? restStageDiff(before, after) : [];
    await inventoryTransaction(async (tx) => {
      await putRestStage(scope, after, new Date(), tx);
      if (words.length === 0) return;
      await recordChange(
        scope,
        {
          objectType: "rest-stage",
          apiId: after.restApiId,
          stageName: after.stageName,
          objectName: `${apiName ?? after.restApiId} / ${after.stageName}`,
          kind: "updated",
          source: "tollgate",
          summary: words,
          before,
          after,
          actorEmail,
          awsAt: after.lastUpdatedDate,
          windowEnd: new Date(),
        },
        tx,
      );
    });
  });
}

/** A deployment made in Tollgate: one re-read of the stage and of the deployment list (the response has neither). */
export function recordDeploymentWrite(actorEmail: string, restApiId: string, stageName: string | null) {
  return safely("deployment", async () => {
    const scope = inventoryScope();
    const deployments = await listDeployments(restApiId);
    await setRestApiDetail(scope, restApiId, { deployments }, new Date());
    if (stageName) await recordRestStageWrite(actorEmail, await getRestStage(restApiId, stageName));
  });
}

export function recordV2StageWrite(actorEmail: string, after: HttpStageDto) {
  return safely("v2-stage", async () => {
    const scope = inventoryScope();
    const before = await storedV2Stage(scope, after.apiId, after.stageName);
    const words = before ? httpStageDiff(before, after) : [];
    await inventoryTransaction(async (tx) => {
      await putV2Stage(scope, after, new Date(), tx);
      if (words.length === 0) return;
      await recordChange(
        scope,
        {
          objectType: "v2-stage",
          apiId: after.apiId,
          stageName: after.stageName,
          objectName: `${after.apiId} / ${after.stageName}`,
          kind: "updated",
          source: "tollgate",
          summary: words,
          before,
          after,
          actorEmail,
          awsAt: after.lastUpdatedDate,
          windowEnd: new Date(),
        },
        tx,
      );
    });
  });
}

export function recordPlanWrite(actorEmail: string, after: PlanDto, keyCount?: number) {
  return safely("usage-plan", async () => {
    const scope = inventoryScope();
    const stored = await storedPlan(scope, after.id);
    const words = stored ? planDiff(stored.plan, after) : [`usage plan ${after.name} created`];
    await inventoryTransaction(async (tx) => {
      await putPlan(scope, after, new Date(), keyCount ?? (stored ? undefined : 0), tx);
      if (words.length === 0) return;
      await recordChange(
        scope,
        {
          objectType: "usage-plan",
          apiId: after.id,
          objectName: `usage plan ${after.name}`,
          kind: stored ? "updated" : "created",
          source: "tollgate",
          summary: words,
          before: stored?.plan ?? null,
          after,
          actorEmail,
          windowEnd: new Date(),
        },
        tx,
      );
    });
  });
}

export function recordPlanDeleted(actorEmail: string, plan: PlanDto) {
  return safely("usage-plan-delete", async () => {
    const scope = inventoryScope();
    await inventoryTransaction(async (tx) => {
      await deletePlanRow(scope, plan.id, tx);
      await recordChange(
        scope,
        {
          objectType: "usage-plan",
          apiId: plan.id,
          objectName: `usage plan ${plan.name}`,
          kind: "deleted",
          source: "tollgate",
          summary: [`usage plan ${plan.name} deleted`],
          before: plan,
          actorEmail,
          windowEnd: new Date(),
        },
        tx,
      );
    });
  });
}

/** After Tollgate attached or detached keys: one GetUsagePlanKeys so the plan's key count is right at once. */
export function recordPlanKeys(planId: string) {
  return safely("usage-plan-keys", async () => {
    const scope = inventoryScope();
    const stored = await storedPlan(scope, planId);
    if (!stored) return;
    await putPlan(scope, stored.plan, new Date(), await countPlanKeys(planId));
  });
}
