// Detection delay: a stage variable changed with the AWS SDK straight at the gateway (not through Tollgate), timed
// until the stage page's HTML shows it on its "Changes" timeline.
import { UpdateStageCommand } from "@aws-sdk/client-api-gateway";
import { pct } from "./load";
import { sdkClients, type BenchEstate } from "./seed-gateway";

type Loader = (
  url: string,
  cookie: string,
  path: string,
  timeoutMs: number,
) => Promise<{ body: string; status: number }>;

const TIMELINE = /outside Tollgate|>\s*Changes\s*</i;
// A page that read AWS live shows the new value at once: that is not detection (components/inventory freshness).
const LIVE_MARK = "Read live from API Gateway";

export async function measureDetection(opts: {
  gatewayUrl: string;
  app: string;
  cookie: string;
  estate: BenchEstate;
  load: Loader;
  trials?: number;
  maxSeconds?: number;
}): Promise<{ goal?: [string, boolean, string]; note: string }> {
  const trials = opts.trials ?? 5;
  const maxMs = (opts.maxSeconds ?? 90) * 1000;
  const { v1 } = sdkClients(opts.gatewayUrl);
  const pagePath = (id: string) => `/ops/apis/rest/${id}/stages/staging`;
  try {
    const first = await opts.load(opts.app, opts.cookie, pagePath(opts.estate.rest[0]!.id), 30_000);
    const hasTimeline = TIMELINE.test(first.body);
    const readsLive = first.body.includes(LIVE_MARK);
    const delays: number[] = [];
    let missed = 0;
    for (let i = 0; i < trials; i++) {
      const api = opts.estate.rest[(10 + i * 7) % opts.estate.rest.length]!;
      const token = `bench${i}x${Math.random().toString(36).slice(2, 8)}`;
      await v1.send(
        new UpdateStageCommand({
          restApiId: api.id,
          stageName: "staging",
          patchOperations: [{ op: "replace", path: "/variables/version", value: token }],
        }),
      );
      const t0 = performance.now();
      let seen = false;
      while (performance.now() - t0 < maxMs) {
        const r = await opts.load(opts.app, opts.cookie, pagePath(api.id), 30_000);
        if (r.body.includes(token)) {
          seen = true;
          break;
        }
        await new Promise((res) => setTimeout(res, 500));
      }
      if (seen) delays.push((performance.now() - t0) / 1000);
      else missed++;
    }
    const p95 = missed > 0 ? Number.POSITIVE_INFINITY : pct(delays, 95);
    const shown = `${trials} changes: p50 ${pct(delays, 50).toFixed(1)} s, p95 ${Number.isFinite(p95) ? `${p95.toFixed(1)} s` : "—"}${missed ? `, ${missed} not seen within ${maxMs / 1000} s` : ""}`;
    if (!hasTimeline)
      return {
        note: `detection delay: skipped — the stage page has no "Changes" timeline yet (issue 14, inventory part). The new value appeared on the stage page itself after: ${shown}`,
      };
    if (readsLive)
      return {
        note: `detection delay: not measured — the stage page still reads AWS live (the inventory's first sync is not done), so the value shows at once: ${shown}`,
      };
    return {
      goal: ["detection delay p95 ≤ 30 s", p95 <= 30, shown],
      note: "detection delay measured on the stage page's Changes timeline (SDK change straight at the gateway)",
    };
  } finally {
    v1.destroy();
  }
}
