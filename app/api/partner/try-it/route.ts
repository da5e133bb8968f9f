import { NextResponse } from "next/server";
import { defineRoute } from "@/lib/auth/define-route";
import { AppError } from "@/lib/errors";
import { TRY_IT_MAX_BODY, tryIt, tryItInput } from "@/lib/portal/try-it";

// JSON envelope around a body of at most TRY_IT_MAX_BODY, with room for headers and escaping.
const MAX_REQUEST = TRY_IT_MAX_BODY * 2 + 32 * 1024;

/**
 * Try it (partners): forwards one request to a stage of the partner's own catalog and answers with the stage's
 * status, headers, body and latency. The pasted key is only sent upstream: never stored, never logged (the request
 * body is not logged, and no error message carries it).
 */
export const POST = defineRoute({
  permission: "partner.view",
  handler: async ({ actor, req }) => {
    const declared = Number(req.headers.get("content-length") ?? "0");
    if (declared > MAX_REQUEST)
      return NextResponse.json(
        { error: "The request is larger than 64 KB.", code: "invalid" },
        { status: 413 },
      );
    const text = await req.text();
    if (Buffer.byteLength(text) > MAX_REQUEST)
      return NextResponse.json(
        { error: "The request is larger than 64 KB.", code: "invalid" },
        { status: 413 },
      );
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new AppError("invalid", "Send the request as JSON.");
    }
    const parsed = tryItInput.safeParse(raw);
    if (!parsed.success)
      throw new AppError(
        "invalid",
        parsed.error.issues[0]?.message ?? "Check the request.",
        Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "_", [i.message]])),
      );
    const result = await tryIt(actor, parsed.data);
    return NextResponse.json(result, { headers: { "cache-control": "no-store" } });
  },
});
