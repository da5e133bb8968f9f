import { z } from "zod";
import { id } from "./common";
import { awsId } from "./keys";

export const requestPlanSchema = z.object({
  toPlanId: z
    .string({ error: "Pick a plan." })
    .trim()
    .min(1, "Pick a plan.")
    .max(64, "Pick a plan from the list.")
    .regex(/^[A-Za-z0-9_-]+$/, "Pick a plan from the list."),
  fromPlanId: z
    .union([z.literal("").transform(() => null), awsId])
    .nullable()
    .default(null),
  message: z
    .string({ error: "Tell your API provider why you need the change." })
    .trim()
    .min(5, "Tell your API provider why you need the change (at least 5 characters).")
    .max(1000, "A message has at most 1,000 characters."),
  /** Turns on the requester's "plan request decided" e-mail alert. */
  notifyMe: z.boolean({ error: "Say whether to e-mail you." }).default(false),
});

export const planRequestIdSchema = z.object({ requestId: id });

export const declinePlanRequestSchema = z.object({
  requestId: id,
  reason: z
    .string({ error: "Give the partner a reason." })
    .trim()
    .min(3, "Give the partner a reason (at least 3 characters).")
    .max(1000, "A reason has at most 1,000 characters."),
});
