import { NextResponse } from "next/server";
import { defineRoute } from "@/lib/auth/define-route";
import { AppError } from "@/lib/errors";
import { loadStageMetrics } from "@/lib/metrics/loaders";
import { stageMetricsQuery } from "@/lib/schemas/metrics";

/** One stage's metrics (base and, with canary=1, canary), polled by the stage page's charts. One GetMetricData. */
export const GET = defineRoute({
  permission: "ops.view",
  handler: async ({ actor, req }) => {
    const parsed = stageMetricsQuery.safeParse(Object.fromEntries(req.nextUrl.searchParams));
    if (!parsed.success) throw new AppError("invalid", "Name an API and a stage.");
    const q = parsed.data;
    const data = await loadStageMetrics(
      actor,
      { kind: q.kind, api: q.api, stage: q.stage },
      q.range,
      q.canary,
    );
    return NextResponse.json(data, { headers: { "cache-control": "no-store" } });
  },
});
