import type { z } from "zod";

type AuditNaming = {
  action: string | ((input: never) => string);
  targetId?: (input: never, output: undefined) => string | null | undefined;
};

const MAX_TARGET = 120;
const safeId = (v: unknown) => (typeof v === "string" && v.length > 0 ? v.slice(0, MAX_TARGET) : null);

/**
 * The action name and target of a call that was refused or invalid: computed from the input as validated when it
 * is valid (a refused but well-formed call), else from the raw input as far as the naming functions can read it,
 * else the action's own name. "Disable Alice" refused for finance is logged as user.disable with Alice's id, not
 * as user.enable with no target (the naming functions used to see `{}`). Never throws.
 */
export function aimOf(
  audit: AuditNaming,
  name: string,
  schema: z.ZodType,
  raw: unknown,
): { action: string; targetId: string | null } {
  const parsed = schema.safeParse(raw);
  const input = (parsed.success ? parsed.data : raw) as never;
  let action = name;
  let targetId: string | null = null;
  try {
    if (typeof audit.action === "string") action = audit.action;
    else if (input && typeof input === "object") action = safeId(audit.action(input)) ?? name;
  } catch {
    action = name;
  }
  try {
    if (input && typeof input === "object") targetId = safeId(audit.targetId?.(input, undefined));
  } catch {
    targetId = null;
  }
  return { action, targetId };
}
