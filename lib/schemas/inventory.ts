import { z } from "zod";

const awsId = z.string().regex(/^[A-Za-z0-9]{1,64}$/, "Not an API Gateway id.");

/** What the Refresh button re-reads from AWS: one API (with its stages), or the usage plans. */
export const refreshInventorySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("rest"), id: awsId }),
  z.object({ kind: z.literal("v2"), id: awsId }),
  z.object({ kind: z.literal("plans") }),
  z.object({ kind: z.literal("all") }),
]);
export type RefreshTarget = z.infer<typeof refreshInventorySchema>;
