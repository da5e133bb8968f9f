import type { UseFormReturn } from "react-hook-form";
import { z } from "zod";
import { startRolloutSchema } from "@/lib/schemas/rollouts";
import { stageVariables } from "@/lib/schemas/stages";
import { parseOverrides } from "../../_components/overrides";

/** What the wizard's inputs hold (numbers are typed as text); `toInput` turns it into the action's input. */
export type WizardValues = {
  restApiId: string;
  stageName: string;
  deployment: { kind: "existing" | "new"; deploymentId: string; description: string };
  overrides: string;
  steps: { percent: string | number; holdSeconds: string | number }[];
  gates: {
    max5xxPercent: string | number;
    max5xxIncreasePoints: string | number;
    maxP99Ms: string | number;
    maxP99Ratio: string | number;
    minRequests: string | number;
  };
  failureThreshold: string | number;
  manualApproval: boolean;
  evaluationSeconds: string | number;
  webhookUrl: string;
};

export type WizardForm = UseFormReturn<WizardValues, unknown, Record<string, unknown>>;

export function toInput(v: WizardValues): z.input<typeof startRolloutSchema> {
  return {
    ...v,
    deployment:
      v.deployment.kind === "new"
        ? { kind: "new", description: v.deployment.description }
        : { kind: "existing", deploymentId: v.deployment.deploymentId },
    overrides: parseOverrides(v.overrides).values,
  };
}

/** The server's schema, with the two fields the wizard shows differently (overrides as name=value lines). */
export const wizardSchema = startRolloutSchema.omit({ deployment: true, overrides: true }).extend({
  deployment: z
    .object({ kind: z.enum(["existing", "new"]), deploymentId: z.string(), description: z.string() })
    .superRefine((d, ctx) => {
      if (d.kind === "existing" && !d.deploymentId)
        ctx.addIssue({ code: "custom", path: ["deploymentId"], message: "Pick a deployment." });
      if (d.kind === "new" && d.description.trim().length > 200)
        ctx.addIssue({ code: "custom", path: ["description"], message: "At most 200 characters." });
    }),
  overrides: z.string().superRefine((text, ctx) => {
    const parsed = parseOverrides(text);
    if (parsed.error) return ctx.addIssue({ code: "custom", message: parsed.error });
    const checked = stageVariables.safeParse(parsed.values);
    if (!checked.success)
      ctx.addIssue({ code: "custom", message: checked.error.issues[0]?.message ?? "Invalid overrides." });
  }),
}) as unknown as z.ZodType<Record<string, unknown>, WizardValues>;

/** Server field names → the wizard's. */
export function wizardField(serverField: string): string {
  if (serverField === "deploymentId") return "deployment.deploymentId";
  if (serverField.startsWith("overrides")) return "overrides";
  return serverField;
}
