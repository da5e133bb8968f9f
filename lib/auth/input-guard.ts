/**
 * A first check on every server action's raw input, before its schema: no string anywhere in it may carry control
 * characters (NUL included: PostgreSQL refuses it in text, which surfaced as an internal error) or the invisible
 * bidirectional overrides that make a name display as something else. Tabs and line breaks stay allowed.
 * Returns the field errors, or null when the input is clean.
 */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
const MAX_DEPTH = 8;

export function controlCharacterErrors(raw: unknown): Record<string, string[]> | null {
  const out: Record<string, string[]> = {};
  const walk = (v: unknown, path: string[], depth: number) => {
    if (depth > MAX_DEPTH) return;
    if (typeof v === "string") {
      if (FORBIDDEN.test(v))
        (out[path.join(".").slice(0, 80) || "_"] ??= []).push(
          "Remove control or invisible formatting characters.",
        );
    } else if (Array.isArray(v)) v.slice(0, 1000).forEach((x, i) => walk(x, [...path, String(i)], depth + 1));
    else if (v && typeof v === "object")
      for (const [k, x] of Object.entries(v).slice(0, 1000)) walk(x, [...path, k], depth + 1);
  };
  walk(raw, [], 0);
  return Object.keys(out).length ? out : null;
}
