/**
 * A digest of everything the stage page shows, carried from the page into each action: the action re-reads the stage
 * and refuses when the digest differs ("changed since the page was loaded"). AWS's lastUpdatedDate alone has
 * one-second resolution, so two quick changes could share it; the digest cannot.
 */
/** JSON with object keys sorted: equal for equal values whatever order the keys came in (JSONB reorders them). */
export function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** FNV-1a 64-bit over the stable JSON, as hex (not a security boundary, only change detection). */
export function stageVersion(stage: unknown): string {
  let h = 0xcbf29ce484222325n;
  const text = stable(stage);
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, "0");
}
