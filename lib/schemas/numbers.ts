import { z } from "zod";

/**
 * Strict numbers for forms and server actions alike. A form sends the text typed, a script may send anything:
 * only a JSON number or a plain decimal string is a number here. null, "", true, [], "0x10", "1e3", " " are refused
 * with a message instead of being coerced to 0, 1 or 16 (z.coerce.number would).
 */
const DECIMAL = /^-?\d+(\.\d+)?$/;
const INTEGER = /^-?\d+$/;

function toNumber(pattern: RegExp, message: string) {
  return z.union([z.number(), z.string()], { error: message }).transform((v, ctx) => {
    if (typeof v === "number") return v;
    const t = v.trim();
    if (!pattern.test(t) || t.length > 20) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return Number(t);
  });
}

/** A strict number refined by `build` (e.g. n => n.int().min(1)): for rules wholeNumber/decimalNumber do not fit. */
export function numeric(what: string, build: (n: z.ZodNumber) => z.ZodNumber) {
  return toNumber(DECIMAL, `Enter ${what} as a number in digits, such as 10 or 2.5.`).pipe(
    build(z.number({ error: `Enter ${what} as a number.` })),
  );
}

/** A whole number between min and max; `what` names it in messages ("the burst"). */
export function wholeNumber(what: string, min: number, max: number, minMessage?: string) {
  return toNumber(
    INTEGER,
    `Enter ${what} as a whole number in digits, such as ${Math.max(min, 1) * 10}.`,
  ).pipe(
    z
      .number({ error: `Enter ${what} as a number.` })
      .int(`${cap(what)} is a whole number.`)
      .min(
        min,
        minMessage ??
          (min === 0 ? `${cap(what)} cannot be negative.` : `${cap(what)} is at least ${fmt(min)}.`),
      )
      .max(max, `${cap(what)} is at most ${fmt(max)}.`),
  );
}

/** A number (decimals allowed) between min and max. */
export function decimalNumber(what: string, min: number, max: number) {
  return toNumber(DECIMAL, `Enter ${what} as a number in digits, such as 10 or 2.5.`).pipe(
    z
      .number({ error: `Enter ${what} as a number.` })
      .min(min, min === 0 ? `${cap(what)} cannot be negative.` : `${cap(what)} is at least ${fmt(min)}.`)
      .max(max, `${cap(what)} is at most ${fmt(max)}.`),
  );
}

/**
 * Text typed as a count: plain digits, or digits grouped in threes with commas ("1,000,000"). "1,2,3", "0x10",
 * "1e3" and "12.5" are not counts. Returns null for anything else.
 */
export function parseCount(s: string): number | null {
  const t = s.trim();
  if (!/^(\d+|\d{1,3}(,\d{3})+)$/.test(t)) return null;
  const n = Number(t.replaceAll(",", ""));
  return Number.isSafeInteger(n) ? n : null;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const fmt = (n: number) => n.toLocaleString("en");

/** An optional field of a form: empty text means "not set" (undefined), never 0. */
export function blankAsUnset<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (v) => (v === "" || (typeof v === "string" && v.trim() === "") ? undefined : v),
    schema.optional(),
  );
}
