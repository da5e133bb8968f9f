import { z } from "zod";
import { metricRange } from "./stages";

const name = z.string().min(1).max(1024);

export const stageMetricsQuery = z.object({
  kind: z.enum(["REST", "HTTP"]).default("REST"),
  api: name,
  stage: z.string().min(1).max(128),
  range: metricRange,
  canary: z
    .enum(["0", "1"])
    .default("0")
    .transform((v) => v === "1"),
});

/** At most 166 stages: three series each must fit one GetMetricData call (500 queries). */
export const MAX_OVERVIEW_STAGES = 166;

/** "REST:payments:prod" → target; the API name may contain ":" (the stage name cannot). */
export const overviewTarget = z
  .string()
  .regex(/^(REST|HTTP):.+:[A-Za-z0-9_$-]+$/, "Not a stage reference.")
  .transform((s) => {
    const kind = s.slice(0, s.indexOf(":")) as "REST" | "HTTP";
    return {
      kind,
      api: s.slice(kind.length + 1, s.lastIndexOf(":")),
      stage: s.slice(s.lastIndexOf(":") + 1),
    };
  });

export const overviewMetricsQuery = z.object({
  range: metricRange,
  t: z.array(overviewTarget).max(MAX_OVERVIEW_STAGES, `At most ${MAX_OVERVIEW_STAGES} stages at once.`),
});
