import { z } from "zod";
import { numeric } from "./numbers";
import { DEFAULT_PLAN } from "@/lib/canary/analysis";
import { stageName, stageVariables } from "./stages";

/**
 * Inputs of automated canary rollouts (lib/canary), shared by the wizard and the server actions. Every field has a
 * default from DEFAULT_PLAN, so `{restApiId, stageName, deployment}` alone starts a rollout ("one click").
 */

export const MAX_ROLLOUT_STEPS = 10;
export const MIN_EVALUATION_SECONDS = 5;

const awsId = z
  .string()
  .min(1, "Pick one.")
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, "Not a valid identifier.");

// Strict: a number or plain decimal text, never null/""/true coerced to 0 or 1 (lib/schemas/numbers.ts).
const num = numeric;

export const rolloutStep = z.object({
  percent: num("a percentage", (n) =>
    n
      .gt(0, "A step sends some traffic to the canary (more than 0 %).")
      .lt(100, "A step is below 100 %: after the last step the canary is promoted."),
  ),
  holdSeconds: num("seconds", (n) =>
    n
      .int("Whole seconds.")
      .min(0, "The hold time cannot be negative.")
      .max(86_400, "A step holds at most one day (86,400 seconds)."),
  ),
});

export const rolloutGates = z.object({
  /** Percent in the form (1 = 1 %); stored as a fraction. */
  max5xxPercent: num("a percentage", (n) =>
    n.min(0, "The 5XX limit cannot be negative.").max(100, "The 5XX limit is at most 100 %."),
  ),
  max5xxIncreasePoints: num("percentage points", (n) =>
    n.min(0, "The increase over the base cannot be negative.").max(100, "At most 100 percentage points."),
  ),
  maxP99Ms: num("milliseconds", (n) =>
    n
      .int("Whole milliseconds.")
      .min(1, "At least 1 ms.")
      .max(29_000, "API Gateway times integrations out at 29,000 ms."),
  ),
  maxP99Ratio: num("a ratio", (n) =>
    n.min(1, "A ratio below 1 would fail a canary as fast as the base.").max(100),
  ),
  minRequests: num("a number of requests", (n) =>
    n.int("A whole number of requests.").min(1, "At least 1 request.").max(1_000_000),
  ),
});

export const rolloutDeployment = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("existing"), deploymentId: awsId }),
  z.object({
    kind: z.literal("new"),
    description: z.string().trim().max(200, "At most 200 characters.").default(""),
  }),
]);

const d = DEFAULT_PLAN;
export const startRolloutSchema = z.object({
  restApiId: awsId,
  stageName,
  deployment: rolloutDeployment,
  overrides: stageVariables.default({}),
  steps: z
    .array(rolloutStep)
    .min(1, "Add at least one step.")
    .max(MAX_ROLLOUT_STEPS, `At most ${MAX_ROLLOUT_STEPS} steps.`)
    .refine((s) => s.every((x, i) => i === 0 || x.percent > s[i - 1]!.percent), {
      message: "Each step sends more traffic than the one before.",
    })
    .default(d.steps),
  gates: rolloutGates.default({
    max5xxPercent: d.gates.max5xxRate * 100,
    max5xxIncreasePoints: d.gates.max5xxRateIncrease * 100,
    maxP99Ms: d.gates.maxP99Ms,
    maxP99Ratio: d.gates.maxP99Ratio,
    minRequests: d.gates.minRequests,
  }),
  failureThreshold: num("a number of failed checks", (n) =>
    n.int("A whole number.").min(1, "At least 1 failed check.").max(100),
  ).default(d.failureThreshold),
  manualApproval: z.boolean().default(d.manualApproval),
  evaluationSeconds: num("seconds", (n) =>
    n
      .int("Whole seconds.")
      .min(MIN_EVALUATION_SECONDS, `Evaluate at most every ${MIN_EVALUATION_SECONDS} seconds.`)
      .max(3600, "Evaluate at least once an hour."),
  ).default(60),
  webhookUrl: z
    .union([
      z.literal(""),
      z
        .url({ protocol: /^https?$/, error: "Enter an http:// or https:// URL." })
        .max(2000, "At most 2,000 characters."),
    ])
    .default(""),
});
export type StartRolloutInput = z.infer<typeof startRolloutSchema>;

export const ROLLOUT_COMMANDS = ["pause", "resume", "abort", "promote", "approve"] as const;
export type RolloutCommand = (typeof ROLLOUT_COMMANDS)[number];
export const controlRolloutSchema = z.object({
  rolloutId: z.string().min(1).max(64),
  command: z.enum(ROLLOUT_COMMANDS, { error: "Unknown command." }),
});
