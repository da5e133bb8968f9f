/** "name=value" per line → map; lines that are not name=value are reported by line number. */
export function parseOverrides(text: string): { values: Record<string, string>; error: string | null } {
  const values: Record<string, string> = {};
  const lines = text.split("\n").map((l) => l.trim());
  for (const [i, line] of lines.entries()) {
    if (!line) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) return { values, error: `Line ${i + 1}: write name=value.` };
    values[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return { values, error: null };
}
