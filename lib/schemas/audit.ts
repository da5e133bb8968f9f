import { z } from "zod";
import { isCalendarDay } from "./finance";
import { parsePage } from "./paging";

const day = (which: string) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s.trim() === "") return undefined;
      if (!isCalendarDay(s.trim())) {
        ctx.addIssue({ code: "custom", message: `The ${which} date is not a real day; use YYYY-MM-DD.` });
        return z.NEVER;
      }
      return new Date(`${s.trim()}T00:00:00.000Z`);
    });

/** The audit page's query string. Bad filters other than dates are dropped; a bad date is named (parseAuditQuery). */
export const auditQuerySchema = z.object({
  actor: z.string().trim().max(254).optional().catch(undefined),
  action: z.string().trim().max(80).optional().catch(undefined),
  target: z.string().trim().max(120).optional().catch(undefined),
  outcome: z.enum(["success", "failure", "denied"]).optional().catch(undefined),
  from: day("from"),
  to: day("to"),
  page: z.unknown().optional().transform(parsePage),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** Parses the query; an impossible date ("2026-13-45") is left out of the filter and reported at its field. */
export function parseAuditQuery(raw: Record<string, unknown>): {
  query: AuditQuery;
  errors: Partial<Record<"from" | "to", string>>;
} {
  const r = auditQuerySchema.safeParse(raw);
  if (r.success) return { query: r.data, errors: {} };
  const errors: Partial<Record<"from" | "to", string>> = {};
  for (const i of r.error.issues) {
    const k = i.path[0];
    if (k === "from" || k === "to") errors[k] ??= i.message;
  }
  const rest = {
    ...raw,
    ...(errors.from ? { from: undefined } : {}),
    ...(errors.to ? { to: undefined } : {}),
  };
  return { query: auditQuerySchema.parse(rest), errors };
}
