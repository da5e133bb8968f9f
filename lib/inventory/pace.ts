import "server-only";
import { AppError } from "@/lib/errors";

/**
 * The inventory sync's own pacing until the shared control-plane budget (lib/aws, issue 14 item 2) paces every
 * call: at most `rps` calls a second, spaced evenly, so a sweep never bursts the account's budget. Infinity = none.
 */
const clocks = new Map<number, { next: number }>();

export function pacer(rps: number) {
  if (!Number.isFinite(rps)) return async () => {};
  const gap = 1000 / rps;
  // One slot clock per rate for the whole process, so back-to-back sweeps do not each start with a free call.
  const clock = (clocks.get(rps) ?? clocks.set(rps, { next: 0 }).get(rps))!;
  return async () => {
    const t = Date.now();
    const at = Math.max(t, clock.next);
    clock.next = at + gap;
    if (at > t) await new Promise((r) => setTimeout(r, at - t));
  };
}

/** Retries throttling (AWS's Retry-After, else 1, 2, 4 s) and transient failures a few times. */
export async function withBackoff<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      const code = e instanceof AppError ? e.code : "internal";
      if (attempt >= 3 || !["throttled", "unavailable"].includes(code)) throw e;
      const wait =
        e instanceof AppError && e.retryAfterSeconds ? e.retryAfterSeconds * 1000 : 1000 * 2 ** attempt;
      await new Promise((r) => setTimeout(r, Math.min(wait, 20_000)));
    }
  }
}
