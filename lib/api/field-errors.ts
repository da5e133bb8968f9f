import type { z } from "zod";

/** zod issues as field → messages (the console's forms show the same); unknown fields named as such. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys)
        (out[[...issue.path, k].join(".")] ??= []).push("Unknown field: remove it.");
      continue;
    }
    (out[issue.path.join(".") || "_"] ??= []).push(issue.message);
  }
  return out;
}
