import { z } from "zod";
import { email, id } from "./common";

export const tenantName = z
  .string({ error: "Enter a tenant name." })
  .trim()
  .min(2, "A tenant name has at least 2 characters.")
  .max(80, "A tenant name has at most 80 characters.")
  .regex(/[\p{L}\p{N}]/u, "A tenant name needs at least one letter or digit (any script).")
  .regex(/^[^\p{Cc}\p{Cf}\p{Co}\p{Cn}]*$/u, "A tenant name cannot contain control or invisible characters.");

export const createTenantSchema = z.object({
  name: tenantName,
  billingEmail: z.union([z.literal("").transform(() => undefined), email]).optional(),
});
export const renameTenantSchema = z.object({ tenantId: id, name: tenantName });
export const tenantStatusSchema = z.object({ tenantId: id, status: z.enum(["ACTIVE", "SUSPENDED"]) });
