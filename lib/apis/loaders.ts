import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { listDeployments } from "@/lib/aws/deployments";
import { getV2Api, listV2Apis, listV2Routes, listV2Stages, type V2RouteDto } from "@/lib/aws/http-apis";
import { getRestApi, listRestApis, listRestMethods } from "@/lib/aws/rest-apis";
import { getRestStage, listRestStages } from "@/lib/aws/stages";
import type { ApiSummaryDto } from "@/lib/stages/types";
import { conflict, notFound } from "@/lib/errors";
import { stageVersion } from "@/lib/stages/version";
import {
  inventoryReadable,
  invLoadApiList,
  invLoadHttpApi,
  invLoadHttpStage,
  invLoadRestApi,
  invLoadRestStage,
} from "@/lib/inventory/read";

/**
 * Page loaders of the operator console's API screens: each takes the actor, re-checks `ops.view` and makes a known,
 * small number of AWS calls (the stage page at most 4; a test counts them) — or, once the gateway inventory is
 * synced or its first sweep is under way (lib/inventory, INVENTORY_READS=on by default), none: the same shapes come
 * from the database.
 */

/** Every REST, HTTP and WebSocket API with its stage names (one GetStages per API, in parallel). */
export async function loadApiList(actor: Actor): Promise<ApiSummaryDto[]> {
  assertCan(actor, "ops.view");
  if (await inventoryReadable()) return invLoadApiList(actor);
  const [rest, v2] = await Promise.all([listRestApis(), listV2Apis()]);
  const withStages = await Promise.all([
    ...rest.map(async (a) => {
      const stages = await listRestStages(a.id);
      return {
        ...a,
        stages: stages.map((s) => s.stageName),
        canaryStages: stages.filter((s) => s.canary).map((s) => s.stageName),
      };
    }),
    ...v2.map(async (a) => ({
      ...a,
      stages: (await listV2Stages(a.id)).map((s) => s.stageName),
      canaryStages: [],
    })),
  ]);
  return withStages.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** REST API detail: the API, its stages and its deployment history with the stages using each deployment. */
export async function loadRestApi(actor: Actor, restApiId: string) {
  assertCan(actor, "ops.view");
  if (await inventoryReadable()) return invLoadRestApi(actor, restApiId);
  const [api, stages, deployments] = await Promise.all([
    getRestApi(restApiId),
    listRestStages(restApiId),
    listDeployments(restApiId),
  ]);
  return {
    api,
    stages,
    deployments: deployments.map((d) => ({
      ...d,
      usedBy: stages.flatMap((s) => [
        ...(s.deploymentId === d.id ? [s.stageName] : []),
        ...(s.canary?.deploymentId === d.id ? [`${s.stageName} (canary)`] : []),
      ]),
    })),
  };
}

/** The REST stage page: GetRestApi, GetStage, GetDeployments, GetResources — four calls. */
export async function loadRestStage(actor: Actor, restApiId: string, stageName: string) {
  assertCan(actor, "ops.view");
  if (await inventoryReadable()) return invLoadRestStage(actor, restApiId, stageName);
  const [api, stage, deployments, methods] = await Promise.all([
    getRestApi(restApiId),
    getRestStage(restApiId, stageName),
    listDeployments(restApiId),
    listRestMethods(restApiId),
  ]);
  return { api, stage, version: stageVersion(stage), deployments, methods };
}

export async function loadHttpApi(actor: Actor, apiId: string) {
  assertCan(actor, "ops.view");
  if (await inventoryReadable()) return invLoadHttpApi(actor, apiId);
  const [api, stages, routes] = await Promise.all([
    getV2Api(apiId),
    listV2Stages(apiId),
    listV2Routes(apiId),
  ]);
  return { api, stages, routes: routes as V2RouteDto[] | null };
}

export async function loadHttpStage(actor: Actor, apiId: string, stageName: string) {
  assertCan(actor, "ops.view");
  if (await inventoryReadable()) return invLoadHttpStage(actor, apiId, stageName);
  const [api, stages] = await Promise.all([getV2Api(apiId), listV2Stages(apiId)]);
  const stage = stages.find((s) => s.stageName === stageName);
  return { api, stage: stage ?? null, version: stage ? stageVersion(stage) : "" };
}

/**
 * A REST API named by id or by name (the automation API and CLI accept either): its id. Not found when nothing
 * matches; a conflict when several REST APIs share the name (then the id is needed).
 */
export async function loadRestApiRef(actor: Actor, ref: string): Promise<{ id: string; name: string }> {
  let rest: { id: string; name: string }[] = (await loadApiList(actor)).filter((a) => a.kind === "REST");
  // The inventory lists APIs every 45 s: one a pipeline imported a moment ago is not in it yet, so a miss asks AWS
  // once (an API call of a pipeline, not a page view).
  if (!rest.some((a) => a.id === ref || a.name === ref)) rest = await listRestApis();
  const byId = rest.find((a) => a.id === ref);
  if (byId) return { id: byId.id, name: byId.name };
  const named = rest.filter((a) => a.name === ref);
  if (named.length === 0) throw notFound("REST API");
  if (named.length > 1)
    throw conflict(
      `Several REST APIs are named ${ref} (${named.map((a) => a.id).join(", ")}): give the id instead.`,
    );
  return { id: named[0]!.id, name: named[0]!.name };
}
