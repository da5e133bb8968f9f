import { z } from "zod";
import { decimalNumber, wholeNumber } from "./numbers";

/**
 * Stage inputs validated by AWS's own rules (docs/aws-api-gateway.md §1 limits and §5 quotas), shared by the forms and the server
 * actions, so a bad value is refused with a specific message before anything is sent to AWS.
 */
export const MAX_STAGE_VARIABLES = 100;

export const stageVariableName = z
  .string()
  .min(1, "Enter a variable name.")
  .max(64, "A stage variable name has at most 64 characters.")
  .regex(/^[A-Za-z0-9_]+$/, "A stage variable name may contain only letters, digits and _.");

export const stageVariableValue = z
  .string()
  .min(1, "Enter a value (remove the variable instead of leaving it empty).")
  .max(512, "A stage variable value has at most 512 characters.")
  .regex(
    /^[A-Za-z0-9\-._~:/?#&=,]+$/,
    "A stage variable value may contain only letters, digits and - . _ ~ : / ? # & = ,",
  );

export const stageVariables = z
  .record(stageVariableName, stageVariableValue)
  .refine((v) => Object.keys(v).length <= MAX_STAGE_VARIABLES, {
    message: `A stage has at most ${MAX_STAGE_VARIABLES} variables.`,
  });

const awsId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, "Not a valid identifier.");
export const stageName = z
  .string()
  .min(1, "Enter a stage name.")
  .max(128, "A stage name has at most 128 characters.")
  .regex(/^[A-Za-z0-9_-]+$/, "A stage name may contain only letters, digits, - and _.");

const rate = decimalNumber("the rate", 0, 10_000);
const burst = wholeNumber("the burst", 0, 5_000);
const percent = decimalNumber("the percentage", 0, 100).pipe(
  z
    .number()
    .gt(0, "The canary must receive some traffic (more than 0 %).")
    .lt(100, "Less than 100 %: to send everything to the new deployment, promote the canary."),
);

export const CACHE_SIZES = ["0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237"] as const;
const methodTarget = z.object({
  resourcePath: z.string().regex(/^(\*|\/[^\s]*)$/, "Pick a method."),
  httpMethod: z.string().regex(/^(\*|[A-Z]+)$/, "Pick a method."),
});

/** One change to a REST stage. Each kind becomes exactly the patch operations of lib/stages/patch.ts. */
export const stageChange = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("variables"),
    set: stageVariables,
    remove: z.array(stageVariableName).max(MAX_STAGE_VARIABLES),
  }),
  z.object({ kind: z.literal("throttling"), target: methodTarget, rateLimit: rate, burstLimit: burst }),
  z.object({ kind: z.literal("method-settings-remove"), target: methodTarget }),
  z.object({ kind: z.literal("cache-cluster"), enabled: z.boolean(), size: z.enum(CACHE_SIZES) }),
  z.object({
    kind: z.literal("caching"),
    target: methodTarget,
    enabled: z.boolean(),
    ttlInSeconds: wholeNumber("the time to live", 0, 3600, "At least 0 seconds (0 turns caching off)."),
  }),
  z.object({
    kind: z.literal("observability"),
    metricsEnabled: z.boolean(),
    loggingLevel: z.enum(["OFF", "ERROR", "INFO"]),
    tracingEnabled: z.boolean(),
  }),
  z.object({ kind: z.literal("rollback"), deploymentId: awsId }),
  z.object({
    kind: z.literal("canary-start"),
    deploymentId: awsId,
    percentTraffic: percent,
    stageVariableOverrides: stageVariables,
    useStageCache: z.boolean(),
  }),
  z.object({ kind: z.literal("canary-percent"), percentTraffic: percent }),
  z.object({ kind: z.literal("canary-promote") }),
  z.object({ kind: z.literal("canary-abandon") }),
]);
export type StageChange = z.output<typeof stageChange>;

/** `version` is the digest of the stage as the page showed it; a different current digest refuses the change. */
export const updateStageSchema = z.object({
  restApiId: awsId,
  stageName,
  version: z.string().min(1),
  change: stageChange,
});

export const createDeploymentSchema = z.object({
  restApiId: awsId,
  stageName,
  version: z.string().min(1),
  description: z.string().trim().max(1024, "At most 1,024 characters.").default(""),
  /** Set: deploy as a canary on the stage instead of moving the stage. */
  canary: z
    .object({ percentTraffic: percent, stageVariableOverrides: stageVariables, useStageCache: z.boolean() })
    .optional(),
});

export const flushStageCacheSchema = z.object({ restApiId: awsId, stageName });

const routeKey = z.string().min(1).max(256);
/** HTTP API stage names as AWS allows them: letters, digits, - and _ (at most 128), or exactly "$default". */
export const httpStageName = z
  .string({ error: "Enter a stage name." })
  .min(1, "Enter a stage name.")
  .max(128, "A stage name has at most 128 characters.")
  .regex(
    /^(\$default|[A-Za-z0-9_-]+)$/,
    'An HTTP API stage name may contain only letters, digits, - and _, or be "$default".',
  );
export const updateHttpStageSchema = z.object({
  apiId: awsId,
  stageName: httpStageName,
  version: z.string().min(1),
  change: z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("variables"),
      set: z.record(
        stageVariableName,
        stageVariableValue.max(2048, "An HTTP API stage variable value has at most 2,048 characters."),
      ),
      remove: z.array(stageVariableName).max(MAX_STAGE_VARIABLES),
    }),
    z.object({
      kind: z.literal("throttling"),
      routeKey: routeKey.nullable(),
      rateLimit: rate,
      burstLimit: burst,
    }),
    z.object({ kind: z.literal("auto-deploy"), autoDeploy: z.boolean() }),
  ]),
});
export type HttpStageChange = z.output<typeof updateHttpStageSchema>["change"];

export const METRIC_RANGES = ["1h", "6h", "24h", "7d"] as const;
export type MetricRange = (typeof METRIC_RANGES)[number];
export const metricRange = z.enum(METRIC_RANGES).catch("1h");
