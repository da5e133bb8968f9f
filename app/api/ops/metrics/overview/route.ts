import { NextResponse } from "next/server";
import { defineRoute } from "@/lib/auth/define-route";
import { AppError } from "@/lib/errors";
import { loadOverviewMetrics } from "@/lib/metrics/loaders";
import { overviewMetricsQuery } from "@/lib/schemas/metrics";

/** Requests, 5XX rate and p99 for the listed stages (t=REST:api:stage, repeated). One GetMetricData. */
export const GET = defineRoute({
  permission: "ops.view",
  handler: async ({ actor, req }) => {
    const sp = req.nextUrl.searchParams;
    const parsed = overviewMetricsQuery.safeParse({ range: sp.get("range") ?? undefined, t: sp.getAll("t") });
    if (!parsed.success) throw new AppError("invalid", parsed.error.issues[0]?.message ?? "Bad stage list.");
    const data = await loadOverviewMetrics(actor, parsed.data.t, parsed.data.range);
    return NextResponse.json(data, { headers: { "cache-control": "no-store" } });
  },
});
