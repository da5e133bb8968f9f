import "server-only";
import {
  FlushStageCacheCommand,
  GetStageCommand,
  GetStagesCommand,
  UpdateStageCommand,
  type MethodSetting,
  type Stage,
} from "@aws-sdk/client-api-gateway";
import type { PatchOp } from "@/lib/stages/patch";
import type { MethodSettingDto, RestStageDto } from "@/lib/stages/types";
import { apiGateway } from "./clients";
import { aws } from "./errors";

const iso = (d: Date | undefined) => (d ? d.toISOString() : null);

function methodSettingDto(key: string, m: MethodSetting): MethodSettingDto {
  const level = m.loggingLevel?.toUpperCase();
  return {
    key,
    throttlingRateLimit: m.throttlingRateLimit ?? null,
    throttlingBurstLimit: m.throttlingBurstLimit ?? null,
    cachingEnabled: m.cachingEnabled ?? false,
    cacheTtlInSeconds: m.cacheTtlInSeconds ?? null,
    metricsEnabled: m.metricsEnabled ?? false,
    loggingLevel: level === "ERROR" || level === "INFO" ? level : "OFF",
  };
}

export function restStageDto(restApiId: string, s: Stage): RestStageDto {
  return {
    restApiId,
    stageName: s.stageName ?? "",
    description: s.description ?? null,
    deploymentId: s.deploymentId ?? "",
    variables: { ...s.variables },
    methodSettings: Object.entries(s.methodSettings ?? {})
      .map(([k, m]) => methodSettingDto(k, m))
      .sort((a, b) => (a.key === "*/*" ? -1 : b.key === "*/*" ? 1 : a.key.localeCompare(b.key))),
    cacheClusterEnabled: s.cacheClusterEnabled ?? false,
    cacheClusterSize: s.cacheClusterSize ?? null,
    cacheClusterStatus: s.cacheClusterStatus ?? null,
    tracingEnabled: s.tracingEnabled ?? false,
    canary: s.canarySettings
      ? {
          deploymentId: s.canarySettings.deploymentId ?? s.deploymentId ?? "",
          percentTraffic: s.canarySettings.percentTraffic ?? 0,
          stageVariableOverrides: { ...s.canarySettings.stageVariableOverrides },
          useStageCache: s.canarySettings.useStageCache ?? false,
        }
      : null,
    createdDate: iso(s.createdDate),
    lastUpdatedDate: iso(s.lastUpdatedDate),
  };
}

/** One GetStage. Operators only (callers check `ops.view`). */
export async function getRestStage(restApiId: string, stageName: string): Promise<RestStageDto> {
  const s = await aws(() => apiGateway.send(new GetStageCommand({ restApiId, stageName })), "API Gateway");
  return restStageDto(restApiId, s);
}

/** One GetStages (not paged by AWS). */
export async function listRestStages(restApiId: string): Promise<RestStageDto[]> {
  const out = await aws(() => apiGateway.send(new GetStagesCommand({ restApiId })), "API Gateway");
  return (out.item ?? [])
    .map((s) => restStageDto(restApiId, s))
    .sort((a, b) => a.stageName.localeCompare(b.stageName));
}

/** One UpdateStage with exactly these operations (built by lib/stages/patch.ts). */
export async function patchRestStage(
  restApiId: string,
  stageName: string,
  patchOperations: readonly PatchOp[],
): Promise<RestStageDto> {
  const s = await aws(
    () =>
      apiGateway.send(
        new UpdateStageCommand({ restApiId, stageName, patchOperations: [...patchOperations] }),
      ),
    "API Gateway",
  );
  return restStageDto(restApiId, s);
}

export async function flushRestStageCache(restApiId: string, stageName: string): Promise<void> {
  await aws(() => apiGateway.send(new FlushStageCacheCommand({ restApiId, stageName })), "API Gateway");
}
