// PUT /_localgateway/config: the one runtime setting a host may change. Strict, so a typo is refused, not ignored.
import { z } from "zod";

const schema = z.strictObject({ controlLimits: z.boolean() });

export function parseConfigChange(
  body: Buffer,
): { ok: true; controlLimits: boolean } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    return {
      ok: false,
      message: 'Invalid config: the body must be a JSON object like {"controlLimits": true}',
    };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "body";
    return { ok: false, message: `Invalid config: ${where}: ${issue?.message ?? "invalid"}` };
  }
  return { ok: true, controlLimits: parsed.data.controlLimits };
}
