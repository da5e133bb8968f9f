import Papa from "papaparse";
import { defineRoute } from "@/lib/auth/define-route";
import { monthsBetween, tenantUsage } from "@/lib/billing/usage-report";
import { invalid } from "@/lib/errors";
import { loadTenantNames, loadUsageByMonthAndTenant, loadUsageByPlan } from "@/lib/billing/loaders";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Usage report as CSV: ?from=YYYY-MM&to=YYYY-MM&by=tenant-month|plan. Finance staff only. */
export const GET = defineRoute({
  permission: "finance.view",
  handler: async ({ actor, req }) => {
    const q = req.nextUrl.searchParams;
    const from = q.get("from") ?? "";
    const to = q.get("to") ?? "";
    const by = q.get("by") ?? "tenant-month";
    if (!MONTH.test(from) || !MONTH.test(to) || from > to)
      throw invalid("Give from and to as YYYY-MM months, from not after to.");
    let rows: Record<string, string | number>[];
    if (by === "plan") {
      rows = (await loadUsageByPlan(actor, from, to)).map((p) => ({
        usage_plan: p.usagePlanName ?? "",
        usage_plan_id: p.usagePlanId,
        requests: p.requests,
      }));
    } else if (by === "tenant-month") {
      const months = monthsBetween(from, to);
      const names = await loadTenantNames(actor);
      const data = await loadUsageByMonthAndTenant(actor, from, to);
      rows = tenantUsage(data, months, (id) => (id ? (names.get(id) ?? id) : "")).flatMap((t) =>
        months.map((m) => ({
          tenant: t.tenantName,
          tenant_id: t.tenantId ?? "",
          month: m,
          requests: t.byMonth[m] ?? 0,
        })),
      );
    } else throw invalid("by must be tenant-month or plan.");
    return new Response(Papa.unparse(rows), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="usage-${by}-${from}-${to}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
});
