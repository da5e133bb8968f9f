import { z } from "zod";
import { DEFAULT_PLAN } from "@/lib/canary/analysis";
import { ROLLOUT_COMMANDS, rolloutGates, rolloutStep } from "@/lib/schemas/rollouts";
import { stageName, stageVariables } from "@/lib/schemas/stages";
import { numeric } from "@/lib/schemas/numbers";
import { createKeySchema } from "@/lib/schemas/keys";

/**
 * Request schemas of /api/v1: strict (an unknown field is refused, not ignored), built from the console's own field
 * schemas so the messages and the wizard's defaults are the same. The OpenAPI document is generated from these.
 */

export const awsRef = z
  .string()
  .min(1, "Missing id.")
  .max(128, "Invalid id.")
  .regex(/^[A-Za-z0-9_-]+$/, "Not a valid identifier.");
/** An API by id or by name (names may hold spaces and dots). */
export const apiRef = z
  .string()
  .min(1, "Name the API by id or name.")
  .max(128, "At most 128 characters.")
  .regex(/^[\w .()-]+$/, "Name the API by its id or name.");
export const recordId = z
  .string()
  .min(1, "Missing id.")
  .max(64, "Invalid id.")
  .regex(/^[A-Za-z0-9_-]+$/, "Invalid id.");
export const tenantRef = z
  .string()
  .min(1, "Name the tenant by slug or id.")
  .max(80, "Invalid tenant.")
  .regex(/^[\p{L}\p{N}_-]+$/u, "Name the tenant by its slug or id.");
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "A day is written YYYY-MM-DD.")
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: "Not a day of the calendar.",
    },
  );

const stepOrPercent = z.union([
  rolloutStep.strict(),
  numeric("a percentage", (n) =>
    n.gt(0, "A step sends some traffic to the canary (more than 0 %).").lt(100, "A step is below 100 %."),
  ),
]);

export const startRolloutBody = z
  .strictObject({
    api: apiRef.describe("REST API id or name"),
    stage: stageName.describe("Stage to roll out on, e.g. prod"),
    deploymentId: awsRef.optional().describe("Existing deployment to roll out (or use `deploy`)"),
    deploy: z
      .strictObject({ description: z.string().trim().max(200, "At most 200 characters.").optional() })
      .optional()
      .describe("Deploy the API's current state first, then roll that deployment out"),
    steps: z
      .array(stepOrPercent)
      .optional()
      .describe(
        `Percentages (then holdSeconds applies to each) or {percent, holdSeconds}; default ${DEFAULT_PLAN.steps
          .map((s) => s.percent)
          .join(", ")}`,
      ),
    holdSeconds: numeric("seconds", (n) => n.int("Whole seconds.").min(0).max(86_400))
      .optional()
      .describe("Hold time of each step given as a plain percentage (default: the wizard's per-step holds)"),
    gates: rolloutGates.strict().partial().optional(),
    failureThreshold: numeric("a number of failed checks", (n) => n.int().min(1).max(100)).optional(),
    manualApproval: z.boolean().optional(),
    evaluationSeconds: numeric("seconds", (n) => n.int().min(5).max(3600)).optional(),
    webhookUrl: z.string().max(2000).optional(),
    overrides: stageVariables.optional().describe("Stage-variable overrides the canary runs with"),
  })
  .superRefine((b, ctx) => {
    if (Boolean(b.deploymentId) === Boolean(b.deploy))
      ctx.addIssue({
        code: "custom",
        path: ["deploymentId"],
        message:
          "Give either deploymentId (roll out an existing deployment) or deploy (deploy first), not both.",
      });
  });
export type StartRolloutBody = z.output<typeof startRolloutBody>;

export const rolloutIdParams = z.strictObject({ id: recordId });
export const rolloutCommandParams = z.strictObject({
  id: recordId,
  command: z.enum(ROLLOUT_COMMANDS, { error: `The command is one of ${ROLLOUT_COMMANDS.join(", ")}.` }),
});
export const listRolloutsQuery = z.strictObject({
  api: apiRef.optional(),
  stage: stageName.optional(),
  active: z.enum(["true", "false"]).optional(),
});

export const apiParams = z.strictObject({ api: apiRef });
export const stageParams = z.strictObject({ api: apiRef, stage: stageName });
export const createDeploymentBody = z.strictObject({
  stage: stageName.describe("Stage the new deployment serves at once"),
  description: z.string().trim().max(1024, "At most 1,024 characters.").default(""),
});

export const tenantParams = z.strictObject({ tenant: tenantRef });
export const keyParams = z.strictObject({ tenant: tenantRef, keyId: awsRef });
export const createKeyBody = createKeySchema.strict();
export const rotateKeyBody = z.strictObject({
  grace: z
    .enum(["now", "1h", "24h", "7d"], { error: "Grace is one of now, 1h, 24h, 7d." })
    .default("24h")
    .describe("How long the old key keeps working"),
});
export const usageQuery = z.strictObject({ from: day, to: day, format: z.enum(["json", "csv"]).optional() });

export const invoiceParams = z.strictObject({ id: recordId });
export const listInvoicesQuery = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/, "A month is written YYYY-MM.")
    .optional(),
  status: z.enum(["DRAFT", "FINALIZED", "VOID"]).optional(),
  tenant: tenantRef.optional(),
  page: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, "A page is a whole number from 1.")
    .optional(),
});

// ─── responses (documentation only: the handlers return the features' DTOs) ────────────────────────────
export const rolloutOut = z.looseObject({
  id: z.string(),
  restApiId: z.string(),
  apiName: z.string(),
  stageName: z.string(),
  canaryDeploymentId: z.string(),
  status: z.enum(["running", "paused", "promoted", "rolled_back", "failed"]),
  stepIndex: z.number(),
  currentPercent: z.number(),
  failedChecks: z.number(),
  lastError: z.string().nullable(),
});
export const rolloutDetailOut = rolloutOut.extend({
  decisions: z.array(
    z.looseObject({
      at: z.string(),
      action: z.string(),
      reason: z.string(),
      explanation: z.string(),
      percent: z.number(),
      metrics: z.unknown(),
    }),
  ),
});
export const deploymentOut = z.looseObject({ id: z.string(), description: z.string().nullable() });
export const keyOut = z.looseObject({ id: z.string(), label: z.string(), status: z.string() });
export const keySecretOut = z.looseObject({
  id: z.string(),
  value: z.string().nullable().describe("The key's value: returned once, null on an idempotent replay"),
});
export const usageOut = z.strictObject({
  tenant: z.string(),
  from: day,
  to: day,
  days: z.array(z.strictObject({ day, requests: z.number() })),
  perKey: z.array(z.strictObject({ apiKeyId: z.string(), total: z.number(), days: z.array(z.unknown()) })),
});
export const invoiceOut = z.looseObject({
  id: z.string(),
  month: z.string(),
  status: z.string(),
  number: z.string().nullable(),
  totalMinor: z.string().describe("Total in minor units (cents), decimal string"),
});
