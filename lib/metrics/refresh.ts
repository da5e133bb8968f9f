import type { MetricRange } from "@/lib/schemas/stages";

/**
 * How often charts refresh themselves (about every few data points of the range); also how long the server shares
 * one GetMetricData answer among the operators watching the same charts (lib/metrics/loaders.ts).
 */
export const REFRESH_MS: Record<MetricRange, number> = {
  "1h": 10_000,
  "6h": 60_000,
  "24h": 120_000,
  "7d": 300_000,
};
