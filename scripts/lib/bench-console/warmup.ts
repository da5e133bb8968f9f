// Waiting for the inventory's first full sync before measuring steady state, and the console's own 429 counter.

type CallsBody = { services: Record<string, Record<string, number>> };
async function controlPlaneCalls(gatewayUrl: string): Promise<number> {
  const body = (await (await fetch(`${gatewayUrl}/_localgateway/calls`)).json()) as CallsBody;
  return Object.entries(body.services)
    .filter(([svc]) => svc !== "cloudwatch")
    .reduce((n, [, ops]) => n + Object.values(ops).reduce((a, b) => a + b, 0), 0);
}

/**
 * Waits until the console's control-plane rate over the last 10 s is at most half its budget (the first sync is
 * done) or `maxSeconds` have passed; says which.
 */
export async function waitForQuiet(gatewayUrl: string, budget: number, maxSeconds: number): Promise<string> {
  const t0 = performance.now();
  const history: { t: number; n: number }[] = [];
  while ((performance.now() - t0) / 1000 < maxSeconds) {
    history.push({ t: performance.now(), n: await controlPlaneCalls(gatewayUrl) });
    const old = history.find((h) => history.at(-1)!.t - h.t <= 10_000);
    const span = (history.at(-1)!.t - old!.t) / 1000;
    if (span >= 9.5) {
      const rate = (history.at(-1)!.n - old!.n) / span;
      if (rate <= budget / 2)
        return `control-plane calls settled at ${rate.toFixed(2)}/s after ${((performance.now() - t0) / 1000).toFixed(0)} s`;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  return `still busy after ${maxSeconds} s (measuring anyway)`;
}

type Stats = { totals: { throttled: number } };
/** The console's count of AWS 429 answers so far (both budgets), from its status route. */
export async function budgetCounters(app: string, cookie: string): Promise<{ throttled: number }> {
  const res = await fetch(`${app}/api/ops/aws-budget`, { headers: { cookie } });
  if (!res.ok) throw new Error(`/api/ops/aws-budget answered ${res.status}`);
  const body = (await res.json()) as { controlPlane: Stats; cloudWatch: Stats };
  return { throttled: body.controlPlane.totals.throttled + body.cloudWatch.totals.throttled };
}

// The freshness line of pages that read the inventory (components/inventory): live until the first sync is under
// way; lists say they may be incomplete until it is done.
const LIVE_MARK = "Read live from API Gateway";
const WARMING_MARK = "Loading the inventory";
const INVENTORY_MARK = "inventory of API Gateway";

/** "inventory", "warming", "live" or "unknown" (no freshness line), from one page's HTML. */
export function readsFrom(html: string): "inventory" | "warming" | "live" | "unknown" {
  if (html.includes(LIVE_MARK)) return "live";
  if (html.includes(WARMING_MARK)) return "warming";
  if (html.includes(INVENTORY_MARK)) return "inventory";
  return "unknown";
}

/**
 * Steady state for the inventory run: waits until a stage page reads the inventory (polling every 15 s, so the
 * poll's own live reads — 4 calls — leave the sync most of the budget), then until the overview no longer says the
 * first sync is under way (polled every 2 s: no AWS call then); falls back to waitForQuiet on a console without
 * the freshness line.
 */
export async function waitForInventory(opts: {
  app: string;
  cookie: string;
  stagePath: string;
  gatewayUrl: string;
  budget: number;
  maxSeconds: number;
}): Promise<string> {
  const t0 = performance.now();
  const elapsed = () => ((performance.now() - t0) / 1000).toFixed(0);
  const page = (p: string) =>
    fetch(opts.app + p, { headers: { cookie: opts.cookie } })
      .then((r) => r.text())
      .catch(() => "");
  let readable: string | undefined;
  while ((performance.now() - t0) / 1000 < opts.maxSeconds) {
    if (!readable) {
      const from = readsFrom(await page(opts.stagePath));
      if (from === "unknown")
        return waitForQuiet(opts.gatewayUrl, opts.budget, opts.maxSeconds - (performance.now() - t0) / 1000);
      if (from !== "live") readable = elapsed();
      else {
        await new Promise((r) => setTimeout(r, 15_000));
        continue;
      }
    }
    if (readsFrom(await page("/ops")) === "inventory")
      return `pages read the inventory after ${readable} s (first sync under way), the first sync was done after ${elapsed()} s`;
    await new Promise((r) => setTimeout(r, 2_000));
  }
  return readable
    ? `pages read the inventory after ${readable} s, but the first sync was not done after ${opts.maxSeconds} s (measuring anyway)`
    : `pages still read live after ${opts.maxSeconds} s (the first sync has not started; measuring anyway)`;
}
