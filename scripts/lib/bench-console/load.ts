// Signed-in operators loading full server renders over HTTP, and the gateway's own count of the console's calls
// sampled every second.
import type { BenchEstate } from "./seed-gateway";

export type PageKind = "overview" | "apis" | "stage" | "usage plans" | "metrics page" | "metrics data";
export const PAGE_KINDS: readonly PageKind[] = [
  "overview",
  "apis",
  "stage",
  "usage plans",
  "metrics page",
  "metrics data",
];
export type View = { kind: PageKind; ms: number; status: number; throttled: boolean; timedOut: boolean };

// The words lib/aws/errors.ts uses for every AWS (or budget) throttling refusal, whatever the page.
const THROTTLE_TEXT = /is limiting how fast this can change/;

/** Signs in over HTTP like a browser would (better-auth's email endpoint) and returns the Cookie header. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]!);
  if (cookies.length === 0) throw new Error("sign-in set no cookie");
  return cookies.join("; ");
}

/** The n-th page of operator `op`'s mix: a stage page twice as often as the others, stages spread over the estate. */
export function pageFor(estate: BenchEstate, op: number, n: number): { kind: PageKind; path: string } {
  const mix: PageKind[] = [
    "overview",
    "apis",
    "stage",
    "usage plans",
    "stage",
    "metrics page",
    "metrics data",
  ];
  const kind = mix[(op + n) % mix.length]!;
  const api = estate.rest[(op * 7 + n * 13) % estate.rest.length]!;
  const stage = estate.stages[(op + n) % estate.stages.length]!;
  switch (kind) {
    case "overview":
      return { kind, path: "/ops" };
    case "apis":
      return { kind, path: "/ops/apis" };
    case "stage":
      return { kind, path: `/ops/apis/rest/${api.id}/stages/${stage}` };
    case "usage plans":
      return { kind, path: "/ops/usage-plans" };
    case "metrics page":
      return { kind, path: "/ops/metrics" };
    case "metrics data":
      // What the stage page's charts poll: operators watching the same few stages.
      return {
        kind,
        path: `/api/ops/metrics/stage?${new URLSearchParams({ kind: "REST", api: estate.rest[op % 5]!.name, stage: "prod", range: "1h", canary: "1" })}`,
      };
  }
}

export async function load(url: string, cookie: string, path: string, timeoutMs: number) {
  const t = performance.now();
  try {
    const res = await fetch(url + path, { headers: { cookie }, signal: AbortSignal.timeout(timeoutMs) });
    const body = await res.text(); // the whole render, streamed Suspense boundaries included
    return {
      ms: performance.now() - t,
      status: res.status,
      body,
      throttled: res.status === 429 || THROTTLE_TEXT.test(body),
      timedOut: false,
    };
  } catch {
    return { ms: performance.now() - t, status: 0, body: "", throttled: false, timedOut: true };
  }
}

/** Each operator loads its next page as soon as the last one arrived, for `durationMs` (at most `maxViews` in all). */
export async function runOperators(opts: {
  url: string;
  cookies: readonly string[];
  estate: BenchEstate;
  durationMs: number;
  timeoutMs: number;
  maxViews: number;
  /** Receives the body of slow views (BENCH_DUMP=1), to see what a slow page showed. */
  dump?: (kind: PageKind, body: string) => void;
  /**
   * Mean pause between one view's arrival and the operator's next request (0 = closed loop, no think time). Each
   * pause is uniform in 0.5–1.5 × thinkMs and operators start spread over one pause: with a fixed pause and a common
   * start all operators would stay in step and arrive as bursts of `cookies.length` at once.
   */
  thinkMs?: number;
}): Promise<{ views: View[]; wallMs: number }> {
  const views: View[] = [];
  const t0 = performance.now();
  const end = t0 + opts.durationMs;
  await Promise.all(
    opts.cookies.map(async (cookie, op) => {
      const thinkMs = opts.thinkMs ?? 0;
      if (thinkMs > 0) await new Promise((res) => setTimeout(res, (op / opts.cookies.length) * thinkMs));
      for (let n = 0; performance.now() < end && views.length < opts.maxViews; n++) {
        const page = pageFor(opts.estate, op, n);
        const r = await load(opts.url, cookie, page.path, opts.timeoutMs);
        if (opts.dump && r.ms > 5_000) opts.dump(page.kind, r.body);
        views.push({
          kind: page.kind,
          ms: r.ms,
          status: r.status,
          throttled: r.throttled,
          timedOut: r.timedOut,
        });
        const think = Math.min(thinkMs * (0.5 + Math.random()), end - performance.now());
        if (think > 0) await new Promise((res) => setTimeout(res, think));
      }
    }),
  );
  return { views, wallMs: performance.now() - t0 };
}

/**
 * One operator alone, one view at a time over the same page mix (all operators' first pages in turn): with nothing
 * else in flight a view's time is the server's own cost of rendering it.
 */
export async function runSolo(opts: {
  url: string;
  cookie: string;
  estate: BenchEstate;
  views: number;
  operators: number;
  timeoutMs: number;
}): Promise<View[]> {
  const views: View[] = [];
  for (let i = 0; i < opts.views; i++) {
    // Operators in turn, with n chosen so the mix's kinds come in their order (op + n ≡ i).
    const op = i % opts.operators;
    const page = pageFor(opts.estate, op, i - op + 7 * opts.operators);
    const r = await load(opts.url, opts.cookie, page.path, opts.timeoutMs);
    views.push({ kind: page.kind, ms: r.ms, status: r.status, throttled: r.throttled, timedOut: r.timedOut });
  }
  return views;
}

type CallsBody = { services: Record<string, Record<string, number>> };
const sum = (m: Record<string, number> | undefined) => Object.values(m ?? {}).reduce((a, b) => a + b, 0);

/** Samples the gateway's call counters once a second: API Gateway (v1 + v2) and CloudWatch calls per second. */
export function sampleGateway(gatewayUrl: string) {
  const controlPlane: number[] = [];
  const cloudWatch: number[] = [];
  let last: { t: number; cp: number; cw: number } | undefined;
  let stopped = false;
  const read = async () => {
    const body = (await (await fetch(`${gatewayUrl}/_localgateway/calls`)).json()) as CallsBody;
    return {
      t: performance.now(),
      cp: sum(body.services.apigateway) + sum(body.services.apigatewayv2),
      cw: sum(body.services.cloudwatch),
    };
  };
  const loop = (async () => {
    last = await read();
    while (!stopped) {
      await new Promise((r) => setTimeout(r, 1000 - ((performance.now() - last!.t) % 1000)));
      const now = await read();
      const dt = (now.t - last.t) / 1000;
      controlPlane.push((now.cp - last.cp) / dt);
      cloudWatch.push((now.cw - last.cw) / dt);
      last = now;
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return { controlPlane, cloudWatch };
    },
  };
}

export const pct = (xs: readonly number[], p: number) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
