/**
 * Demo upstream for the Local Gateway: two versions of each route. `/v1/*` answers at once; `/v2/*` and `/v3/*` have a
 * latency and an error rate that can be changed at runtime (`POST /_demo/config {"v2":{"latencyMs":n,"errorRate":0..1}}`),
 * so a bad canary shows up in the metrics. Every route echoes what it saw (method, path, query, headers).
 * Binds 127.0.0.1 only. Used by the demo, the traffic generator, the bench and data-plane tests.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";

export interface VersionBehaviour {
  latencyMs: number;
  errorRate: number;
}

/** The configurable versions: v2, and v3 so a healthy and a faulty release can be tested side by side. */
export const NEW_VERSIONS = ["v2", "v3"] as const;
export type NewVersion = (typeof NEW_VERSIONS)[number];
export type DemoUpstreamConfig = Record<NewVersion, VersionBehaviour>;

export interface DemoUpstreamOptions {
  port?: number;
  host?: string;
  v2?: Partial<VersionBehaviour>;
  v3?: Partial<VersionBehaviour>;
  /** [0, 1) source for the error rate; tests inject a deterministic one. */
  random?: () => number;
}

export interface DemoUpstream {
  url: string;
  port: number;
  config: DemoUpstreamConfig;
  /** Requests served per route version since start, for tests and the demo's summary. */
  counts: { v1: number; v2: number; v3: number };
  close(): Promise<void>;
}

const ROUTES = new Set(["payments", "forecast"]);

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage, limit = 1 << 20): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function clampRate(n: unknown, fallback: number): number {
  return typeof n === "number" && Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : fallback;
}

function clampLatency(n: unknown, fallback: number): number {
  return typeof n === "number" && Number.isFinite(n)
    ? Math.min(60_000, Math.max(0, Math.round(n)))
    : fallback;
}

export function applyConfigPatch(config: DemoUpstreamConfig, patch: unknown): void {
  if (typeof patch !== "object" || patch === null) return;
  for (const v of NEW_VERSIONS) {
    const b = (patch as Record<string, unknown>)[v];
    if (typeof b !== "object" || b === null) continue;
    const { latencyMs, errorRate } = b as { latencyMs?: unknown; errorRate?: unknown };
    config[v].latencyMs = clampLatency(latencyMs, config[v].latencyMs);
    config[v].errorRate = clampRate(errorRate, config[v].errorRate);
  }
}

export async function startDemoUpstream(options: DemoUpstreamOptions = {}): Promise<DemoUpstream> {
  const random = options.random ?? Math.random;
  const behaviour = (o: Partial<VersionBehaviour> | undefined): VersionBehaviour => ({
    latencyMs: clampLatency(o?.latencyMs, 0),
    errorRate: clampRate(o?.errorRate, 0),
  });
  const config: DemoUpstreamConfig = { v2: behaviour(options.v2), v3: behaviour(options.v3) };
  const counts = { v1: 0, v2: 0, v3: 0 };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://upstream");
    if (url.pathname === "/_demo/config") {
      if (req.method === "POST") {
        try {
          applyConfigPatch(config, JSON.parse((await readBody(req)) || "{}"));
        } catch {
          send(res, 400, { message: "body must be JSON" });
          return;
        }
      }
      send(res, 200, config);
      return;
    }
    if (url.pathname === "/_demo/health") {
      send(res, 200, { ok: true });
      return;
    }
    const [, version, route, ...rest] = url.pathname.split("/");
    if (
      (version !== "v1" && version !== "v2" && version !== "v3") ||
      route === undefined ||
      !ROUTES.has(route)
    ) {
      await readBody(req);
      send(res, 404, { message: "no such demo route", path: url.pathname });
      return;
    }
    const body = await readBody(req);
    counts[version]++;
    if (version !== "v1") {
      const b = config[version];
      if (b.latencyMs > 0) await new Promise((r) => setTimeout(r, b.latencyMs));
      if (b.errorRate > 0 && random() < b.errorRate) {
        send(res, 500, { message: `demo ${version} failure`, version, route });
        return;
      }
    }
    send(res, 200, {
      version,
      route,
      subpath: rest.join("/"),
      method: req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
    });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { message: "demo upstream error" });
      else res.destroy();
    });
  });
  // Longer than the proxies' idle sockets live, so a reused keep-alive socket is never closed under a request.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    config,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const port = Number(process.env.DEMO_UPSTREAM_PORT ?? 4580);
  startDemoUpstream({ port }).then((u) => console.log(`demo upstream listening on ${u.url}`));
}
