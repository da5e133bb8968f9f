import { queryOptions } from "@tanstack/react-query";
import type { OverviewMetricsDto, StageMetricsDto } from "@/lib/metrics/loaders";
import type { MetricTarget } from "@/lib/metrics/queries";
import type { MetricRange } from "@/lib/schemas/stages";

import { REFRESH_MS } from "@/lib/metrics/refresh";

export { REFRESH_MS };

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { cache: "no-store" });
  const body = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new Error(body.error ?? `Metrics could not be loaded (${res.status}).`);
  return body;
}

export const stageMetricsQuery = (target: MetricTarget, range: MetricRange, canary: boolean) =>
  queryOptions({
    queryKey: ["metrics", "stage", target.kind, target.api, target.stage, range, canary],
    queryFn: () =>
      getJson<StageMetricsDto>(
        `/api/ops/metrics/stage?${new URLSearchParams({ kind: target.kind, api: target.api, stage: target.stage, range, canary: canary ? "1" : "0" })}`,
      ),
    refetchInterval: REFRESH_MS[range],
    staleTime: 0,
  });

export const overviewMetricsQuery = (targets: readonly MetricTarget[], range: MetricRange) =>
  queryOptions({
    queryKey: ["metrics", "overview", range, targets.map((t) => `${t.kind}:${t.api}:${t.stage}`)],
    queryFn: () => {
      const sp = new URLSearchParams({ range });
      for (const t of targets) sp.append("t", `${t.kind}:${t.api}:${t.stage}`);
      return getJson<OverviewMetricsDto>(`/api/ops/metrics/overview?${sp}`);
    },
    refetchInterval: REFRESH_MS[range],
    staleTime: 0,
  });
