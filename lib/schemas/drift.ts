import { z } from "zod";

export const forgetGoneKeySchema = z.object({
  keyId: z.string().regex(/^[A-Za-z0-9]{1,64}$/, "Not a key id."),
});
export const endGoneSubscriptionSchema = z.object({ subscriptionId: z.string().min(1).max(64) });
