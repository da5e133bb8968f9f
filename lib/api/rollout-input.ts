import { DEFAULT_PLAN } from "@/lib/canary/analysis";
import { startRolloutSchema, type StartRolloutInput } from "@/lib/schemas/rollouts";
import { fieldErrorsOf } from "./field-errors";
import { ApiProblem } from "./problem";
import type { StartRolloutBody } from "./schemas";

/**
 * The API's rollout body as the wizard's input: the same schema (startRolloutSchema) fills the wizard's defaults
 * and gives the wizard's messages. Plain percentages take `holdSeconds`, or the default plan's hold for that step
 * (its last step's for steps beyond it). Pure; any caller.
 */
export function rolloutInputFromApi(body: StartRolloutBody, restApiId: string): StartRolloutInput {
  const defaultHold = (i: number) =>
    DEFAULT_PLAN.steps[Math.min(i, DEFAULT_PLAN.steps.length - 1)]!.holdSeconds;
  const steps = body.steps?.map((s, i) =>
    typeof s === "number" ? { percent: s, holdSeconds: body.holdSeconds ?? defaultHold(i) } : s,
  );
  const d = DEFAULT_PLAN.gates;
  const raw = {
    restApiId,
    stageName: body.stage,
    deployment: body.deploymentId
      ? { kind: "existing", deploymentId: body.deploymentId }
      : { kind: "new", description: body.deploy?.description ?? "" },
    ...(body.overrides ? { overrides: body.overrides } : {}),
    ...(steps
      ? { steps }
      : body.holdSeconds !== undefined
        ? { steps: DEFAULT_PLAN.steps.map((s) => ({ ...s, holdSeconds: body.holdSeconds })) }
        : {}),
    ...(body.gates
      ? {
          gates: {
            max5xxPercent: d.max5xxRate * 100,
            max5xxIncreasePoints: d.max5xxRateIncrease * 100,
            maxP99Ms: d.maxP99Ms,
            maxP99Ratio: d.maxP99Ratio,
            minRequests: d.minRequests,
            ...body.gates,
          },
        }
      : {}),
    ...(body.failureThreshold !== undefined ? { failureThreshold: body.failureThreshold } : {}),
    ...(body.manualApproval !== undefined ? { manualApproval: body.manualApproval } : {}),
    ...(body.evaluationSeconds !== undefined ? { evaluationSeconds: body.evaluationSeconds } : {}),
    ...(body.webhookUrl !== undefined ? { webhookUrl: body.webhookUrl } : {}),
  };
  const r = startRolloutSchema.safeParse(raw);
  if (!r.success)
    throw new ApiProblem("invalid", "Please correct the body's fields.", fieldErrorsOf(r.error));
  return r.data;
}
