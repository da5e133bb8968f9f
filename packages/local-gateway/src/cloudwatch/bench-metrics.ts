// GetMetricData benchmark: 100 series × 24 h of one-minute data (10 latency samples a minute), then one
// GetMetricData over all of them through the SDK. Used by `npm run bench:gateway`; runnable alone:
//   tsx packages/local-gateway/src/cloudwatch/bench-metrics.ts
import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createGateway } from "../server";

const SERIES = 100;
const MINUTES = 24 * 60;
const SAMPLES_PER_MINUTE = 10;

export interface BenchMetricsOptions {
  /** Statistic asked for every series; percentiles are the expensive case. Default "p99". */
  stat?: string;
  /**
   * Default 300 (a 24-hour chart: 288 points a series, 28,800 in all, one page). Period 60 returns 144,000 points,
   * two pages of the default MaxDatapoints (100,800), and is dominated by the SDK parsing 3 MB of JSON.
   */
  period?: number;
}

/** Times one GetMetricData (all its NextToken pages) over 100 series × 24 h, median of 3; goal under 100 ms. */
export async function benchGetMetricData(
  opts: BenchMetricsOptions = {},
): Promise<{ ms: number; series: number; points: number }> {
  const stat = opts.stat ?? "p99";
  const period = opts.period ?? 300;
  const dataDir = mkdtempSync(join(tmpdir(), "bench-metrics-"));
  const gw = await createGateway({ port: 0, dataDir, controlLimits: false });
  try {
    const end = Math.floor(Date.now() / 60_000) * 60_000;
    const start = end - MINUTES * 60_000;
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let s = 0; s < SERIES; s++) {
      const h = gw.metrics.series(
        "Bench",
        "Latency",
        { ApiName: `api-${s}`, Stage: "prod" },
        { unit: "Milliseconds" },
      );
      for (let m = 0; m < MINUTES; m++) {
        for (let k = 0; k < SAMPLES_PER_MINUTE; k++)
          h.add(5 + 200 * rnd() * rnd(), start + m * 60_000 + k * 1000);
      }
    }
    const cw = new CloudWatchClient({
      region: "us-east-1",
      endpoint: gw.url,
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    });
    const queries: MetricDataQuery[] = Array.from({ length: SERIES }, (_, s) => ({
      Id: `m${s}`,
      MetricStat: {
        Metric: {
          Namespace: "Bench",
          MetricName: "Latency",
          Dimensions: [
            { Name: "ApiName", Value: `api-${s}` },
            { Name: "Stage", Value: "prod" },
          ],
        },
        Period: period,
        Stat: stat,
      },
    }));
    const call = async () => {
      let points = 0;
      let NextToken: string | undefined;
      let pages = 0;
      do {
        const r = await cw.send(
          new GetMetricDataCommand({
            MetricDataQueries: queries,
            StartTime: new Date(start),
            EndTime: new Date(end),
            NextToken,
          }),
        );
        for (const res of r.MetricDataResults ?? []) points += res.Values?.length ?? 0;
        NextToken = r.NextToken;
      } while (NextToken && ++pages < 10);
      return points;
    };
    await call(); // warm-up: JIT, connection, SDK middleware
    // The median of three calls, so one GC pause or a busy neighbour process does not decide the number.
    const times: number[] = [];
    let points = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      points = await call();
      times.push(performance.now() - t);
    }
    cw.destroy();
    const ms = times.sort((a, b) => a - b)[1]!;
    return { ms: Math.round(ms * 10) / 10, series: SERIES, points };
  } finally {
    await gw.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  for (const [stat, period] of [
    ["p99", 300],
    ["Average", 300],
    ["p99", 60],
  ] as const) {
    const r = await benchGetMetricData({ stat, period });
    console.log(
      `GetMetricData ${stat} period ${period}s over ${r.series} series × 24 h: ${r.points} points in ${r.ms} ms (goal < 100 ms)`,
    );
  }
}
