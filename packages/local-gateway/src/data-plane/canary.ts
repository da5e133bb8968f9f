/**
 * Canary routing: a `percentTraffic / 100` share of requests goes to the canary deployment, which sees the stage
 * variables merged with `stageVariableOverrides` (overrides win, un-overridden variables stay visible).
 */

/** Metrics for canary-served requests are recorded under this Stage dimension, never under the stage itself. */
export function canaryStageName(stage: string): string {
  return `${stage}/Canary`;
}

/** `random` returns [0, 1) like Math.random; tests inject a seeded one. */
export function chooseCanary(percentTraffic: number | undefined, random: () => number): boolean {
  if (percentTraffic === undefined || !(percentTraffic > 0)) return false;
  if (percentTraffic >= 100) return true;
  return random() * 100 < percentTraffic;
}

export function mergeStageVariables(
  variables: Readonly<Record<string, string>> | undefined,
  overrides: Readonly<Record<string, string>> | undefined,
): Readonly<Record<string, string>> {
  return { ...variables, ...overrides };
}

/** Small deterministic PRNG (mulberry32) so canary shares in tests and the traffic generator are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
