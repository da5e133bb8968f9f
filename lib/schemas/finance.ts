import { z } from "zod";
import { parseDecimalToMinor } from "@/lib/billing/money";
import { validateTiers, type Tier } from "@/lib/billing/pricing";
import { id } from "./common";
import { parseCount } from "./numbers";

/** An amount people type ("10", "10.50") → integer minor units. */
export const money = z.string({ error: "Enter an amount." }).transform((s, ctx) => {
  const v = parseDecimalToMinor(s);
  if (v === null) {
    ctx.addIssue({ code: "custom", message: "Enter an amount such as 10 or 10.50 (at most 2 decimals)." });
    return z.NEVER;
  }
  return v;
});

/** A whole number of requests in plain digits; thousands separators only as real groups ("1,000,000"). */
export const requestCount = z.string({ error: "Enter a number of requests." }).transform((s, ctx) => {
  const n = parseCount(s);
  if (n === null || n > 2_000_000_000) {
    ctx.addIssue({
      code: "custom",
      message: "Enter a whole number of requests up to 2,000,000,000, in digits (1000000 or 1,000,000).",
    });
    return z.NEVER;
  }
  return n;
});

/** A real calendar day as YYYY-MM-DD ("2026-13-01" and "2026-02-30" are refused, never thrown on). */
export function isCalendarDay(d: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
}

export const day = z
  .string({ error: "Enter a date." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD.")
  .refine(isCalendarDay, "This date does not exist.");

export const month = z
  .string({ error: "Choose a month." })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Choose a month as YYYY-MM.");

export const currency = z.enum(["USD", "EUR", "GBP"], { error: "Choose USD, EUR or GBP." });

const tierRow = z.object({
  /** "" = no upper bound (the last tier). */
  upTo: z.string({ error: "Enter each tier's upper bound (empty for the last tier)." }).max(20, "Too long."),
  /** Price per million requests, e.g. "3.50". */
  price: z.string({ error: "Enter each tier's price." }).max(20, "Too long."),
});

const terms = {
  effectiveFrom: day,
  baseFee: money,
  includedRequests: requestCount,
  minimumCharge: money,
  tierMode: z.enum(["GRADUATED", "VOLUME"], { error: "Choose graduated or volume tiers." }),
  tiers: z
    .array(tierRow)
    .max(10, "At most 10 tiers.")
    .transform((rows, ctx) => {
      const tiers = rows.map((r) => ({
        upTo: r.upTo.trim() === "" ? null : (parseCount(r.upTo) ?? Number.NaN),
        pricePerMillionMinor: parseDecimalToMinor(r.price) ?? -1,
      }));
      const bad = tiers.some((t) => t.upTo !== null && !(Number.isSafeInteger(t.upTo) && t.upTo > 0));
      const msg = bad
        ? "Tier bounds are whole numbers of requests."
        : tiers.some((t) => t.pricePerMillionMinor < 0)
          ? "Enter each tier's price per million requests, such as 3.50."
          : validateTiers(tiers);
      if (msg) {
        ctx.addIssue({ code: "custom", message: msg });
        return z.NEVER;
      }
      return tiers;
    }),
};

export const planName = z
  .string({ error: "Enter a plan name." })
  .trim()
  .min(2, "A plan name has at least 2 characters.")
  .max(80, "A plan name has at most 80 characters.");

export const createPricePlanSchema = z.object({ name: planName, currency, ...terms });
export const addPlanVersionSchema = z.object({ planId: id, ...terms });
export const assignPlanSchema = z.object({ tenantId: id, planId: id, effectiveFrom: day });
export const generateInvoicesSchema = z.object({ month });
export const invoiceIdSchema = z.object({ invoiceId: id });
export const voidInvoiceSchema = z.object({
  invoiceId: id,
  reason: z
    .string({ error: "Give a reason." })
    .trim()
    .min(5, "Give a reason of at least 5 characters.")
    .max(500, "A reason has at most 500 characters."),
});

export type CreatePricePlanInput = z.input<typeof createPricePlanSchema>;

const costTier = tierRow;
/** Cost-to-serve settings as typed in the form (prices per million requests; cache price per hour). */
export const costSettingsSchema = z.object({
  apiType: z.enum(["REST", "HTTP"], { error: "Choose REST or HTTP APIs." }),
  restTiers: z.array(costTier).max(10),
  httpTiers: z.array(costTier).max(10),
  cacheHourPrice: z.string({ error: "Enter a price per hour." }).transform((s, ctx) => {
    const m = /^\s*(\d{1,6})(?:\.(\d{1,6}))?\s*$/.exec(s);
    if (!m) {
      ctx.addIssue({ code: "custom", message: "Enter a price per hour such as 0.020 (at most 6 decimals)." });
      return z.NEVER;
    }
    return Number(m[1]) * 1_000_000 + Number((m[2] ?? "").padEnd(6, "0"));
  }),
  cacheHoursPerMonth: z.string({ error: "Enter whole hours." }).transform((s, ctx) => {
    const n = Number(s.trim());
    if (!/^\d{1,4}$/.test(s.trim()) || n > 744) {
      ctx.addIssue({ code: "custom", message: "Enter whole hours from 0 to 744." });
      return z.NEVER;
    }
    return n;
  }),
});

/** Tier rows as typed → Tier[], or a message. */
export function parseTierRows(rows: { upTo: string; price: string }[]): { tiers?: Tier[]; error?: string } {
  const tiers = rows.map((r) => ({
    upTo: r.upTo.trim() === "" ? null : (parseCount(r.upTo) ?? Number.NaN),
    pricePerMillionMinor: parseDecimalToMinor(r.price) ?? -1,
  }));
  if (tiers.some((t) => t.upTo !== null && !(Number.isSafeInteger(t.upTo) && t.upTo > 0)))
    return { error: "Tier bounds are whole numbers of requests." };
  if (tiers.some((t) => t.pricePerMillionMinor < 0))
    return { error: "Enter each tier's price per million requests, such as 3.50." };
  const msg = validateTiers(tiers);
  return msg ? { error: msg } : { tiers };
}

export const markInvoicePaidSchema = z.object({
  invoiceId: id,
  paidOn: day,
  note: z
    .string({ error: "A note is text." })
    .trim()
    .max(200, "A note has at most 200 characters.")
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .default(null),
});

const line = (what: string, max: number) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .max(max, `At most ${max} characters.`);

/** Issuer details printed on invoices, payment terms and tax (finance settings). */
export const issuerSettingsSchema = z.object({
  name: line("the issuer's name", 120).min(2, "Enter the issuer's legal name."),
  address: z
    .string({ error: "Enter the address." })
    .trim()
    .max(400, "At most 400 characters.")
    .refine((s) => s.split("\n").length <= 6, "At most 6 lines."),
  taxId: line("the tax number", 40),
  email: z
    .string({ error: "Enter a billing email address." })
    .trim()
    .toLowerCase()
    .max(254, "At most 254 characters.")
    .pipe(z.email({ error: "Enter a valid email address, such as billing@example.com." })),
  paymentTermsDays: z.string({ error: "Enter whole days." }).transform((s, ctx) => {
    const t = s.trim();
    if (!/^\d{1,3}$/.test(t) || Number(t) > 365) {
      ctx.addIssue({ code: "custom", message: "Enter whole days from 0 to 365." });
      return z.NEVER;
    }
    return Number(t);
  }),
  /** Percent as typed, e.g. "20" or "7.5" → basis points (at most 2 decimals, at most 100 %). */
  taxRate: z.string({ error: "Enter a tax rate in percent." }).transform((s, ctx) => {
    const m = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*$/.exec(s);
    const bp = m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : -1;
    if (!m || bp > 10_000) {
      ctx.addIssue({ code: "custom", message: "Enter a percentage from 0 to 100, such as 20 or 7.5." });
      return z.NEVER;
    }
    return bp;
  }),
});
