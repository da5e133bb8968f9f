import { controlCharacterErrors } from "@/lib/auth/input-guard";
import { fieldErrorsOf } from "./field-errors";
import type { z } from "zod";
import { ApiProblem } from "./problem";

/** The largest request body /api/v1 reads (a rollout plan is well under 4 KiB). */
export const MAX_BODY_BYTES = 64 * 1024;

/** Reads a JSON body within the limit: 415 for another media type, 413 past the limit, 400 when it does not parse. */
export async function readJsonBody(req: Request): Promise<{ raw: unknown; text: string }> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES)
    throw new ApiProblem("payload_too_large", `The body may be at most ${MAX_BODY_BYTES / 1024} KiB.`);
  const text = await readLimited(req);
  if (text.trim() === "") return { raw: undefined, text };
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json")
    throw new ApiProblem("unsupported_media_type", "Send the body as application/json.");
  try {
    return { raw: JSON.parse(text) as unknown, text };
  } catch (e) {
    throw new ApiProblem("malformed_json", `The body is not valid JSON: ${(e as Error).message}`);
  }
}

async function readLimited(req: Request): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new ApiProblem("payload_too_large", `The body may be at most ${MAX_BODY_BYTES / 1024} KiB.`);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

/** Parses input with a strict schema: control characters and schema failures become 400 with field errors. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, where: string): z.output<S> {
  const dirty = controlCharacterErrors(raw);
  if (dirty) throw new ApiProblem("invalid", `The ${where} has invalid characters.`, dirty);
  const r = schema.safeParse(raw);
  if (!r.success)
    throw new ApiProblem("invalid", `Please correct the ${where}'s fields.`, fieldErrorsOf(r.error));
  return r.data;
}
