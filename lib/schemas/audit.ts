import { z } from "zod";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .transform((s) => new Date(`${s}T00:00:00.000Z`))
  .optional()
  .catch(undefined);

/** The audit page's query string. Bad values are dropped rather than failing the page. */
export const auditQuerySchema = z.object({
  actor: z.string().trim().max(254).optional().catch(undefined),
  action: z.string().trim().max(80).optional().catch(undefined),
  target: z.string().trim().max(120).optional().catch(undefined),
  outcome: z.enum(["success", "failure", "denied"]).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
