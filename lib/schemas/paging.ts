/** The largest page number any list accepts: far past any real list, far below what breaks a database offset. */
export const MAX_PAGE = 10_000;

/**
 * A page number from a query string: plain digits from 1 to MAX_PAGE; anything else ("1e300", "-1", "abc",
 * repeated params) is page 1, and a number past the end is clamped to MAX_PAGE. Every paged list uses it.
 */
export function parsePage(raw: unknown): number {
  const s = Array.isArray(raw) ? raw[0] : raw;
  if (typeof s !== "string" || !/^\d{1,12}$/.test(s.trim())) return 1;
  return Math.min(MAX_PAGE, Math.max(1, Number(s.trim())));
}
