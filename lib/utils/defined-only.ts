/**
 * The object without its empty entries (`undefined`, `null` or `""`), for building AWS requests and Prisma filters
 * from optional input: Prisma runs with strictUndefinedChecks (an `undefined` filter is an error) and AWS treats a
 * sent empty field differently from a missing one. Replaces the `...(x ? { x } : {})` spread; `0` and `false` are
 * values and are kept — write `n || undefined` where a zero means "not given". Pure; any caller.
 */
export function definedOnly<T extends Record<string, unknown>>(
  o: T,
): { [K in keyof T]?: Exclude<T[K], undefined | null> } {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ""),
  ) as { [K in keyof T]?: Exclude<T[K], undefined | null> };
}
