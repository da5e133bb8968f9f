import { NextResponse } from "next/server";
import { definePublicRoute } from "@/lib/auth/define-route";
import { openApiDocument } from "@/lib/api/openapi";

/** The automation API's OpenAPI 3.1 document: public (it describes, it does not expose data). */
export const GET = definePublicRoute({
  handler: async () =>
    NextResponse.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } }),
});
