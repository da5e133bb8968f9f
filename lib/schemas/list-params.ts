import { z } from "zod";

/**
 * The query strings of the list pages (keys, tenants, invoices, APIs), one schema each, with one policy: a value that
 * is not one the page offers is ignored (the filter is off), never an error page; text is trimmed and cut to a
 * length; the page number is clamped to 1…100,000 (anything that is not a number is page 1). A repeated parameter
 * (`?q=a&q=b`) counts with its first value. Pure; pages call `parse` on their awaited `searchParams`.
 */
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** Free text: trimmed, at most `max` characters, empty = not given. */
export const textParam = (max: number) =>
  z.preprocess((v) => {
    const s = first(v);
    return typeof s === "string" ? s.trim().slice(0, max) || undefined : undefined;
  }, z.string().optional());

/** One of the page's choices, else not given. */
export const choiceParam = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(first, z.enum(values).optional().catch(undefined));

/** A value matching `pattern` (an id, a month), else not given. */
export const patternParam = (pattern: RegExp) =>
  z.preprocess(first, z.string().regex(pattern).optional().catch(undefined));

export const MAX_PAGE = 100_000;
/** Page number: integers clamped into 1…MAX_PAGE, anything else 1. */
export const pageParam = z.preprocess((v) => {
  const n = Number.parseInt(String(first(v) ?? ""), 10);
  return Number.isFinite(n) ? Math.min(Math.max(n, 1), MAX_PAGE) : 1;
}, z.number().int());

export const KEY_STATUSES = ["ACTIVE", "DISABLED", "DELETED"] as const;
export const keysQuerySchema = z.object({
  q: textParam(60),
  status: choiceParam(KEY_STATUSES),
  tenant: patternParam(/^[\w-]{1,64}$/),
  page: pageParam,
});

export const TENANT_STATUSES = ["ACTIVE", "SUSPENDED"] as const;
export const tenantsQuerySchema = z.object({
  q: textParam(80),
  status: choiceParam(TENANT_STATUSES),
});

export const INVOICE_STATUSES = ["DRAFT", "FINALIZED", "VOID"] as const;
export const invoicesQuerySchema = z.object({
  month: patternParam(/^\d{4}-(0[1-9]|1[0-2])$/),
  status: choiceParam(INVOICE_STATUSES),
  page: pageParam,
});

export const API_KINDS = ["REST", "HTTP", "WEBSOCKET"] as const;
export const apisQuerySchema = z.object({
  q: textParam(100),
  kind: choiceParam(API_KINDS),
});

/** What Next hands a page as `searchParams` (awaited). */
export type RawSearchParams = Record<string, string | string[] | undefined>;
