// Human-readable lines for rollouts and their decisions (the JSON output prints the API's own objects).

const pct = (n) => `${Math.round(n * 100) / 100} %`;
const rate = (arm) =>
  arm && arm.requests > 0 ? `${((arm.errors5xx / arm.requests) * 100).toFixed(2)} %` : "–";
const ms = (v) => (v === null || v === undefined ? "–" : `${Math.round(v)} ms`);

/** "step 2/4 · 25 % · running" */
export function rolloutLine(r) {
  const steps = r.plan?.steps?.length ?? 0;
  const step = r.status === "running" || r.status === "paused" ? `step ${r.stepIndex + 1}/${steps} · ` : "";
  return `${r.apiName}/${r.stageName} rollout ${r.id}: ${step}canary ${pct(r.currentPercent)} · ${r.status.replace("_", " ")}${r.lastError ? ` · ${r.lastError}` : ""}`;
}

/** One decision: when, step, share, canary vs base 5XX and p99, what was decided and why. */
export function decisionLine(d, stepsCount) {
  const m = d.metrics;
  const numbers = m
    ? ` · 5XX canary ${rate(m.canary)} vs base ${rate(m.base)} · p99 canary ${ms(m.canary?.p99Ms)} vs base ${ms(m.base?.p99Ms)} · ${m.canary?.requests ?? 0} canary requests`
    : "";
  const at = d.at.slice(11, 19);
  return `${at} step ${d.stepIndex + 1}/${stepsCount} · ${pct(d.percent)}${numbers} → ${d.action}: ${d.explanation}`;
}

export const FINAL = new Set(["promoted", "rolled_back", "failed"]);
