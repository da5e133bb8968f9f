import { z } from "zod";
import { id } from "./common";
import { blankAsUnset, wholeNumber } from "./numbers";

/** AWS ids (keys, plans, APIs) are short alphanumerics. */
export const awsId = z
  .string()
  .trim()
  .min(1, "Missing id.")
  .max(64, "Invalid id.")
  .regex(/^[A-Za-z0-9_-]+$/, "Invalid id.");

export const createKeySchema = z.object({
  label: z
    .string({ error: "Enter a label." })
    .trim()
    .min(2, "A label has at least 2 characters.")
    .max(60, "A label has at most 60 characters.")
    .regex(/^[\w .()-]+$/, "Use letters, digits, spaces and . ( ) - _ only."),
  environment: z.enum(["production", "staging", "test"], { error: "Pick an environment." }),
});
export const rotateKeySchema = z.object({
  keyId: awsId,
  grace: z.enum(["now", "1h", "24h", "7d"], { error: "Pick how long the old key keeps working." }),
});
export const keyIdSchema = z.object({ keyId: awsId });
export const setKeyEnabledSchema = z.object({
  keyId: awsId,
  enabled: z.boolean(),
  /** Required to enable a key its partner revoked; the audit records it as an override. */
  overridePartnerRevoke: z.boolean().optional(),
});

export const planSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(2, "A plan name has at least 2 characters.")
      .max(80, "At most 80 characters."),
    description: z.string().trim().max(300, "At most 300 characters.").optional(),
    rateLimit: wholeNumber(
      "the rate",
      1,
      10_000,
      "A rate of 0 requests per second would refuse every request of every key on this plan; enter at least 1.",
    ),
    burstLimit: wholeNumber("the burst", 0, 5_000),
    /** Empty = no quota. 0 is refused: AWS would accept it and refuse every request. */
    quotaLimit: blankAsUnset(
      wholeNumber(
        "the quota",
        1,
        1_000_000_000,
        "A quota of 0 would refuse every request; leave the field empty for no quota.",
      ),
    ),
    quotaPeriod: z.enum(["DAY", "WEEK", "MONTH"]),
    /** "apiId:stage" pairs. */
    apiStages: z
      .array(z.string().regex(/^[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/, "Pick stages from the list."))
      .max(50),
    /** Optional per-method throttles, one per line: "apiId:stage /path/METHOD rate burst". */
    methodThrottles: z.string().max(5000).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.burstLimit < 1 && p.rateLimit > 0)
      ctx.addIssue({
        code: "custom",
        path: ["burstLimit"],
        message: "A burst of at least 1 is needed for any traffic.",
      });
    for (const [i, line] of (p.methodThrottles ?? "").split("\n").entries()) {
      if (!line.trim()) continue;
      const m = /^(\S+:\S+)\s+(\/\S*\/[A-Z*]+)\s+(\d+)\s+(\d+)$/.exec(line.trim());
      if (!m || !p.apiStages.includes(m[1]!))
        ctx.addIssue({
          code: "custom",
          path: ["methodThrottles"],
          message: `Line ${i + 1}: write "apiId:stage /resource/METHOD rate burst" for a stage chosen above.`,
        });
    }
  });
export const updatePlanSchema = z.object({ usagePlanId: awsId, plan: planSchema });
export const planIdSchema = z.object({ usagePlanId: awsId });
export const subscribeSchema = z.object({ tenantId: id, usagePlanId: awsId });
export const changePlanSchema = z.object({ tenantId: id, fromPlanId: awsId, toPlanId: awsId });
