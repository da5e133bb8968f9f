/**
 * A bounded closed-loop load generator: `concurrency` keep-alive connections, each sending its next request when
 * the previous one finishes, until `durationMs` has passed or `maxRequests` were sent. Latencies are kept in a
 * preallocated array, so measuring does not allocate per request beyond node:http itself.
 */

import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";

export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  concurrency: number;
  durationMs: number;
  maxRequests: number;
}

export interface LoadResult {
  requests: number;
  /** Responses with a 2xx status. */
  ok: number;
  /** Status → count, for everything that was not 2xx (0 = connection error). */
  other: Record<string, number>;
  elapsedMs: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
}

/** Nearest-rank percentile of the first `n` values (sorted in place). */
export function percentile(values: Float64Array, n: number, p: number): number {
  if (n === 0) return 0;
  const sorted = values.subarray(0, n).sort();
  const rank = Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1));
  return sorted[rank] as number;
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  const agent = new Agent({
    keepAlive: true,
    maxSockets: options.concurrency,
    maxFreeSockets: options.concurrency,
  });
  const latencies = new Float64Array(options.maxRequests);
  const other: Record<string, number> = {};
  const requestOptions = {
    hostname: target.hostname,
    port: target.port,
    path: target.pathname + target.search,
    method: "GET",
    headers: options.headers ?? {},
    agent,
  };
  let sent = 0;
  let done = 0;
  let ok = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;

  return new Promise((resolve) => {
    let active = 0;
    const complete = () => {
      const elapsedMs = performance.now() - started;
      agent.destroy();
      resolve({
        requests: done,
        ok,
        other,
        elapsedMs,
        rps: (done / elapsedMs) * 1000,
        p50Ms: percentile(latencies, done, 50),
        p99Ms: percentile(latencies, done, 99),
      });
    };
    const next = () => {
      if (sent >= options.maxRequests || performance.now() >= deadline) {
        if (--active === 0) complete();
        return;
      }
      const index = sent++;
      const t0 = performance.now();
      const req = request(requestOptions, (res) => {
        res.on("data", () => undefined);
        res.on("end", () => {
          latencies[index] = performance.now() - t0;
          done++;
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) ok++;
          else other[status] = (other[status] ?? 0) + 1;
          next();
        });
      });
      req.on("error", () => {
        latencies[index] = performance.now() - t0;
        done++;
        other["0"] = (other["0"] ?? 0) + 1;
        next();
      });
      req.end();
    };
    for (let i = 0; i < options.concurrency; i++) {
      active++;
      next();
    }
  });
}
