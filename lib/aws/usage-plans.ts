import "server-only";
import {
  CreateUsagePlanCommand,
  DeleteUsagePlanCommand,
  GetRestApisCommand,
  GetStagesCommand,
  GetUsageCommand,
  GetUsagePlanKeysCommand,
  GetUsagePlansCommand,
  UpdateUsagePlanCommand,
  type PatchOperation,
  type UsagePlan,
} from "@aws-sdk/client-api-gateway";
import { apiGateway } from "./clients";
import { aws } from "./errors";
import { definedOnly } from "@/lib/utils/defined-only";

export type QuotaPeriod = "DAY" | "WEEK" | "MONTH";
export type PlanSettings = {
  rateLimit: number | null;
  burstLimit: number | null;
  quota: { limit: number; period: QuotaPeriod; offset: number } | null;
  apiStages: {
    apiId: string;
    stage: string;
    methodThrottles: Record<string, { rateLimit: number; burstLimit: number }>;
  }[];
};
export type PlanDto = { id: string; name: string; description: string | null } & PlanSettings;

const toDto = (p: UsagePlan): PlanDto => ({
  id: p.id ?? "",
  name: p.name ?? "",
  description: p.description ?? null,
  rateLimit: p.throttle?.rateLimit ?? null,
  burstLimit: p.throttle?.burstLimit ?? null,
  quota:
    p.quota?.limit !== undefined
      ? {
          limit: p.quota.limit,
          period: (p.quota.period ?? "DAY") as QuotaPeriod,
          offset: p.quota.offset ?? 0,
        }
      : null,
  apiStages: (p.apiStages ?? []).map((s) => ({
    apiId: s.apiId ?? "",
    stage: s.stage ?? "",
    methodThrottles: Object.fromEntries(
      Object.entries(s.throttle ?? {}).map(([k, v]) => [
        k,
        { rateLimit: v.rateLimit ?? 0, burstLimit: v.burstLimit ?? 0 },
      ]),
    ),
  })),
});

export async function listAwsPlans(pace: () => Promise<void> = async () => {}): Promise<PlanDto[]> {
  const out: PlanDto[] = [];
  let position: string | undefined;
  do {
    await pace();
    const page = await aws(
      () => apiGateway.send(new GetUsagePlansCommand({ limit: 500, ...definedOnly({ position }) })),
      "API Gateway",
    );
    out.push(...(page.items ?? []).map(toDto));
    position = page.position;
  } while (position);
  return out;
}

export type PlanInput = {
  name: string;
  description?: string | undefined;
  rateLimit: number;
  burstLimit: number;
  quotaLimit?: number | undefined;
  quotaPeriod: QuotaPeriod;
  apiStages: {
    apiId: string;
    stage: string;
    methodThrottles?: Record<string, { rateLimit: number; burstLimit: number }>;
  }[];
};

export async function createAwsPlan(input: PlanInput): Promise<PlanDto> {
  const out = await aws(
    () =>
      apiGateway.send(
        new CreateUsagePlanCommand({
          name: input.name,
          ...definedOnly({ description: input.description }),
          throttle: { rateLimit: input.rateLimit, burstLimit: input.burstLimit },
          ...(input.quotaLimit
            ? { quota: { limit: input.quotaLimit, period: input.quotaPeriod, offset: 0 } }
            : {}),
          apiStages: input.apiStages.map((s) => ({
            apiId: s.apiId,
            stage: s.stage,
            ...(s.methodThrottles && Object.keys(s.methodThrottles).length
              ? { throttle: s.methodThrottles }
              : {}),
          })),
        }),
      ),
    "API Gateway",
  );
  return toDto(out);
}

export async function updateAwsPlan(id: string, patchOperations: PatchOperation[]): Promise<PlanDto> {
  const out = await aws(
    () => apiGateway.send(new UpdateUsagePlanCommand({ usagePlanId: id, patchOperations })),
    "API Gateway",
  );
  return toDto(out);
}

export async function deleteAwsPlan(id: string): Promise<void> {
  await aws(() => apiGateway.send(new DeleteUsagePlanCommand({ usagePlanId: id })), "API Gateway");
}

export async function countPlanKeys(id: string): Promise<number> {
  let n = 0;
  let position: string | undefined;
  do {
    const page = await aws(
      () =>
        apiGateway.send(
          new GetUsagePlanKeysCommand({ usagePlanId: id, limit: 500, ...definedOnly({ position }) }),
        ),
      "API Gateway",
    );
    n += page.items?.length ?? 0;
    position = page.position;
  } while (position);
  return n;
}

/** One page of GetUsage: key id → [used, remaining] per day. */
export async function getUsagePage(
  usagePlanId: string,
  startDate: string,
  endDate: string,
  position?: string,
  keyId?: string,
): Promise<{ values: Record<string, number[][]>; position: string | undefined }> {
  const out = await aws(
    () =>
      apiGateway.send(
        new GetUsageCommand({
          usagePlanId,
          startDate,
          endDate,
          limit: 500,
          ...definedOnly({ position, keyId }),
        }),
      ),
    "API Gateway",
  );
  const values: Record<string, number[][]> = {};
  for (const [k, rows] of Object.entries(out.items ?? {})) values[k] = rows.map((r) => r.map(Number));
  return { values, position: out.position };
}

/** REST APIs and their stages, for the plan editor's stage picker. */
export async function listApiStages(): Promise<{ apiId: string; apiName: string; stages: string[] }[]> {
  const apis = await aws(() => apiGateway.send(new GetRestApisCommand({ limit: 500 })), "API Gateway");
  return Promise.all(
    (apis.items ?? []).map(async (a) => {
      const st = await aws(() => apiGateway.send(new GetStagesCommand({ restApiId: a.id })), "API Gateway");
      return {
        apiId: a.id ?? "",
        apiName: a.name ?? "",
        stages: (st.item ?? []).map((s) => s.stageName ?? "").filter(Boolean),
      };
    }),
  );
}
