import { z } from "zod";

export const setAlertOptInSchema = z.object({
  kind: z.enum(["quota", "rotation", "plan-request"], { error: "Pick an alert." }),
  on: z.boolean({ error: "Say whether the alert is on or off." }),
});

export const unsubscribeSchema = z.object({
  token: z
    .string({ error: "The unsubscribe link is incomplete." })
    .min(20, "The unsubscribe link is incomplete.")
    .max(400, "This unsubscribe link is not valid.")
    .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, "This unsubscribe link is not valid."),
});
