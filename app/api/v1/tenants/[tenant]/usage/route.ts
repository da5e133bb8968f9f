import Papa from "papaparse";
import { defineApiRoute } from "@/lib/api/define-api-route";
import { getUsage } from "@/lib/api/operations";
import { resolveTenant } from "@/lib/api/tenant-ref";
import { loadTenantUsage } from "@/lib/usage/loaders";

export const GET = defineApiRoute(getUsage, async ({ actor, params, query }) => {
  const t = await resolveTenant(actor, params.tenant);
  const u = await loadTenantUsage(actor, t.id, query.from, query.to);
  if (query.format === "csv") {
    const rows = u.perKey.flatMap((k) =>
      k.days.map((d) => ({ tenant: t.slug, day: d.day, api_key_id: k.apiKeyId, requests: d.requests })),
    );
    rows.sort((a, b) => a.day.localeCompare(b.day) || a.api_key_id.localeCompare(b.api_key_id));
    return new Response(Papa.unparse(rows, { columns: ["tenant", "day", "api_key_id", "requests"] }), {
      headers: { "content-type": "text/csv; charset=utf-8", "cache-control": "no-store" },
    });
  }
  return { tenant: t.slug, from: query.from, to: query.to, days: u.days, perKey: u.perKey };
});
