import { defineRoute } from "@/lib/auth/define-route";
import { AppError } from "@/lib/errors";
import { loadApiDocumentFile } from "@/lib/portal/loaders";

/** The OpenAPI document of a stage of the partner's own catalog, as JSON (default) or YAML (?format=yaml). */
export const GET = defineRoute<{ apiId: string; stage: string }>({
  permission: "partner.view",
  handler: async ({ actor, params, req }) => {
    const format = req.nextUrl.searchParams.get("format") ?? "json";
    if (format !== "json" && format !== "yaml")
      throw new AppError("invalid", "Ask for format=json or format=yaml.");
    const file = await loadApiDocumentFile(actor, String(params.apiId), String(params.stage), format);
    return new Response(file.body, {
      headers: {
        "content-type": `${file.type}; charset=utf-8`,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "no-store",
      },
    });
  },
});
