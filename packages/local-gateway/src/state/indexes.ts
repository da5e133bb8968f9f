import type { ApiKey, Deployment, RestApi, Stage, UsagePlan, V2Api, V2Stage, GatewayState } from "./types";

/** A deployed REST stage as the data plane needs it, resolved once per state change. */
export interface StageEntry {
  readonly api: RestApi;
  readonly stage: Stage;
  /** Undefined only if state.json was edited by hand into an inconsistent shape. */
  readonly deployment: Deployment | undefined;
  readonly canaryDeployment: Deployment | undefined;
  /** Plans whose apiStages include this api+stage. */
  readonly plans: readonly UsagePlan[];
}

export interface Indexes {
  /** Increases on every rebuild: lets callers invalidate caches derived from state. */
  readonly version: number;
  stage(apiId: string, stageName: string): StageEntry | undefined;
  keyByValue(value: string): ApiKey | undefined;
  plansForStage(apiId: string, stageName: string): readonly UsagePlan[];
  /** The one plan (AWS allows at most one per API stage per key) through which `keyId` may call api+stage. */
  planForKey(keyId: string, apiId: string, stageName: string): UsagePlan | undefined;
  v2Stage(apiId: string, stageName: string): { api: V2Api; stage: V2Stage } | undefined;
}

let versionCounter = 0;

const stageKey = (apiId: string, stageName: string) => `${apiId}\u0000${stageName}`;

/** Rebuilt after every control-plane change (cheap: linear in the account's size). */
export function buildIndexes(state: GatewayState): Indexes {
  const stages = new Map<string, StageEntry>();
  const plansByStage = new Map<string, UsagePlan[]>();
  const keysByValue = new Map<string, ApiKey>();
  const planByKeyStage = new Map<string, UsagePlan>();
  const v2Stages = new Map<string, { api: V2Api; stage: V2Stage }>();

  for (const plan of Object.values(state.usagePlans)) {
    for (const s of plan.apiStages) {
      const k = stageKey(s.apiId, s.stage);
      const list = plansByStage.get(k);
      if (list) list.push(plan);
      else plansByStage.set(k, [plan]);
      for (const keyId of state.planKeys[plan.id] ?? []) {
        const kk = `${keyId}\u0000${k}`;
        if (!planByKeyStage.has(kk)) planByKeyStage.set(kk, plan);
      }
    }
  }
  for (const api of Object.values(state.restApis)) {
    for (const stage of Object.values(api.stages)) {
      const k = stageKey(api.id, stage.stageName);
      stages.set(k, {
        api,
        stage,
        deployment: api.deployments[stage.deploymentId],
        canaryDeployment: stage.canarySettings
          ? api.deployments[stage.canarySettings.deploymentId]
          : undefined,
        plans: plansByStage.get(k) ?? [],
      });
    }
  }
  for (const key of Object.values(state.apiKeys)) keysByValue.set(key.value, key);
  for (const api of Object.values(state.v2Apis)) {
    for (const stage of Object.values(api.stages))
      v2Stages.set(stageKey(api.apiId, stage.stageName), { api, stage });
  }

  const none: readonly UsagePlan[] = [];
  return {
    version: ++versionCounter,
    stage: (apiId, stageName) => stages.get(stageKey(apiId, stageName)),
    keyByValue: (value) => keysByValue.get(value),
    plansForStage: (apiId, stageName) => plansByStage.get(stageKey(apiId, stageName)) ?? none,
    planForKey: (keyId, apiId, stageName) =>
      planByKeyStage.get(`${keyId}\u0000${stageKey(apiId, stageName)}`),
    v2Stage: (apiId, stageName) => v2Stages.get(stageKey(apiId, stageName)),
  };
}
