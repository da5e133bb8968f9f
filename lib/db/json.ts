import "server-only";
import { z } from "zod";
import type { V2RouteDto } from "@/lib/stages/types";
import type { MethodRefDto } from "@/lib/aws/rest-apis";
import type { PlanDto, PlanSettings } from "@/lib/aws/usage-plans";
import type { CostSettings } from "@/lib/billing/cost";
import type { IssuerSettings } from "@/lib/billing/issuer";
import type { Tier } from "@/lib/billing/pricing";
import type { Check, RolloutPlan } from "@/lib/canary/analysis";
import type { DecisionMetrics } from "@/lib/canary/types";
import type { ApiSummary, OperationChangeDto } from "@/lib/portal/diff";
import type { OpenApiDoc } from "@/lib/portal/openapi";
import type { DeploymentDto, HttpStageDto, RestStageDto } from "@/lib/stages/types";
import { Prisma } from "./client";

/**
 * The JSON columns (Prisma `Json`: JSONB on PostgreSQL, JSON text in SQLite) and the one way they are read: every
 * value that comes out of the database is parsed with its schema here, at the lib/db boundary, so a row without the
 * shape the code expects fails loudly — naming the table and column — instead of travelling on behind a cast.
 * Each schema is checked against the TypeScript type the rest of the code uses (`satisfies z.ZodType<T>`), so the
 * two cannot drift apart. Writes take those same types; Prisma serializes them.
 */

/** A stored value that does not have its column's shape: a bug or a hand edit, never a user's mistake. */
export class StoredJsonError extends Error {
  constructor(where: string, error: z.ZodError) {
    super(`${where}: the stored JSON does not have the expected shape — ${z.prettifyError(error)}`);
    this.name = "StoredJsonError";
  }
}

/** Parses one stored value; `where` names it ("canary_rollout.plan"). */
export function readJson<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new StoredJsonError(where, r.error);
  return r.data;
}

/** A nullable column: SQL NULL stays null (it is not JSON `null`). */
export function readJsonOrNull<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: string,
): z.output<S> | null {
  return value === null || value === undefined ? null : readJson(schema, value, where);
}

/** The value to write to a Json column. Typed callers pass the column's type; Prisma serializes it. */
export const toJson = <T>(value: T): Prisma.InputJsonValue => value as Prisma.InputJsonValue;

/** The value to write to a nullable Json column: SQL NULL for null/undefined (Prisma needs `DbNull` for that). */
export const toJsonOrNull = <T>(value: T | null | undefined): Prisma.InputJsonValue | typeof Prisma.DbNull =>
  value === null || value === undefined ? Prisma.DbNull : toJson(value);

// ─── Shapes ───────────────────────────────────────────────────────────────────────────────────────────────
const num = z.number();
const str = z.string();
export const stringRecord = z.record(str, str);
export const stringList = z.array(str);
/** Anything JSON: a change's before/after copy of an object, kept for the record and never interpreted. */
export const anyJson = z.unknown();

export const auditSummary = z.record(str, z.unknown());

const planSettingsShape = z.looseObject({
  rateLimit: num.nullable(),
  burstLimit: num.nullable(),
  quota: z.looseObject({ limit: num, period: z.enum(["DAY", "WEEK", "MONTH"]), offset: num }).nullable(),
  apiStages: z.array(
    z.looseObject({
      apiId: str,
      stage: str,
      methodThrottles: z.record(str, z.looseObject({ rateLimit: num, burstLimit: num })),
    }),
  ),
});
export const planSettings = planSettingsShape satisfies z.ZodType<PlanSettings>;
export const planDto = planSettingsShape.extend({
  id: str,
  name: str,
  description: str.nullable(),
}) satisfies z.ZodType<PlanDto>;

const tier = z.object({ upTo: num.nullable(), pricePerMillionMinor: num }) satisfies z.ZodType<Tier>;
export const tiers = z.array(tier);

export const graceDays = z.number().int().nonnegative();
export const costSettings = z
  .object({
    apiType: z.enum(["REST", "HTTP"]),
    restTiers: tiers,
    httpTiers: tiers,
    cacheHourMicro: num,
    cacheHoursPerMonth: num,
  })
  .partial() satisfies z.ZodType<Partial<CostSettings>>;
export const issuerSettings = z
  .object({
    name: str,
    address: str,
    taxId: str,
    email: str,
    paymentTermsDays: num,
    taxRateBp: num,
  })
  .partial() satisfies z.ZodType<Partial<IssuerSettings>>;

// Canary rollouts
export const rolloutPlan = z.object({
  steps: z.array(z.object({ percent: num, holdSeconds: num })),
  gates: z.object({
    max5xxRate: num,
    max5xxRateIncrease: num,
    maxP99Ms: num,
    maxP99Ratio: num,
    minRequests: num,
  }),
  failureThreshold: num,
  manualApproval: z.boolean(),
}) satisfies z.ZodType<RolloutPlan>;
export const pendingAction = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("start"), percent: num, decisionId: str }),
  z.object({ kind: z.literal("advance"), toStep: num, percent: num, decisionId: str }),
  z.object({ kind: z.literal("promote"), decisionId: str, reason: str }),
  z.object({ kind: z.literal("rollback"), decisionId: str, reason: str }),
]);
export type PendingAction = z.output<typeof pendingAction>;
const arm = z.object({ requests: num, errors5xx: num, p99Ms: num.nullable() });
export const decisionMetrics = z.object({
  canary: arm,
  base: arm,
  window: z.object({ start: str, end: str }),
}) satisfies z.ZodType<DecisionMetrics>;
export const checks = z.array(
  z.object({
    gate: z.enum(["5xx-rate", "5xx-rate-vs-base", "p99", "p99-vs-base"]),
    value: num,
    threshold: num,
    passed: z.boolean(),
    differenceMs: num.optional(),
  }),
) satisfies z.ZodType<Check[]>;
/** The UpdateStage calls a decision sent: each a list of JSON Patch operations. */
export const appliedCalls = z.array(z.array(z.unknown()));

// Gateway inventory (the console's DTOs, lib/stages/types.ts). Loose: a stored object comes back exactly as it was
// written, keys the schema does not name included, so its digest (stageVersion) still matches the live read's.
const canary = z.looseObject({
  deploymentId: str,
  percentTraffic: num,
  stageVariableOverrides: stringRecord,
  useStageCache: z.boolean(),
});
export const restStage = z.looseObject({
  restApiId: str,
  stageName: str,
  description: str.nullable(),
  deploymentId: str,
  variables: stringRecord,
  methodSettings: z.array(
    z.looseObject({
      key: str,
      throttlingRateLimit: num.nullable(),
      throttlingBurstLimit: num.nullable(),
      cachingEnabled: z.boolean(),
      cacheTtlInSeconds: num.nullable(),
      metricsEnabled: z.boolean(),
      loggingLevel: z.enum(["OFF", "ERROR", "INFO"]),
    }),
  ),
  cacheClusterEnabled: z.boolean(),
  cacheClusterSize: str.nullable(),
  cacheClusterStatus: str.nullable(),
  tracingEnabled: z.boolean(),
  canary: canary.nullable(),
  createdDate: str.nullable(),
  lastUpdatedDate: str.nullable(),
}) satisfies z.ZodType<RestStageDto>;
const routeSettings = z.looseObject({
  throttlingRateLimit: num.nullable(),
  throttlingBurstLimit: num.nullable(),
  detailedMetricsEnabled: z.boolean(),
});
export const httpStage = z.looseObject({
  apiId: str,
  stageName: str,
  description: str.nullable(),
  deploymentId: str.nullable(),
  autoDeploy: z.boolean(),
  variables: stringRecord,
  defaultRouteSettings: routeSettings,
  routeSettings: z.record(str, routeSettings),
  lastUpdatedDate: str.nullable(),
  createdDate: str.nullable(),
}) satisfies z.ZodType<HttpStageDto>;
export const methodRefs = z.array(z.looseObject({ resourcePath: str, httpMethod: str })) satisfies z.ZodType<
  MethodRefDto[]
>;
export const v2Routes = z.array(
  z.object({
    id: str,
    routeKey: str,
    target: str.nullable(),
    apiKeyRequired: z.boolean(),
    authorizationType: str,
  }),
) satisfies z.ZodType<V2RouteDto[]>;
export const deployments = z.array(
  z.looseObject({ id: str, description: str.nullable(), createdDate: str.nullable() }),
) satisfies z.ZodType<DeploymentDto[]>;

// Developer portal
/** GetExport's OpenAPI 3 document: only the parts the portal reads are checked; the rest is kept as it came. */
export const openApiDoc = z.looseObject({
  openapi: str.optional(),
  info: z
    .looseObject({ title: str.optional(), description: str.optional(), version: str.optional() })
    .optional(),
  servers: z.array(z.looseObject({ url: str })).optional(),
  paths: z.record(str, z.record(str, z.unknown())).optional(),
  components: z
    .looseObject({
      schemas: z.record(str, z.unknown()).optional(),
      securitySchemes: z.record(str, z.unknown()).optional(),
    })
    .optional(),
}) satisfies z.ZodType<OpenApiDoc>;
export const operationChanges = z.array(
  z.object({
    operation: str,
    kind: z.enum(["added", "removed", "changed"]),
    breaking: z.boolean(),
    details: stringList,
  }),
) satisfies z.ZodType<OperationChangeDto[]>;
export const apiSummary = z.record(
  str,
  z.record(str, z.object({ apiKeyRequired: z.boolean().optional() })),
) satisfies z.ZodType<ApiSummary>;
