import "server-only";
import { utcDay } from "@/lib/dates";
import { env } from "@/lib/env";

/**
 * Tollgate's one notion of "now" (rotation grace windows, job schedules, usage windows). Tests move it forward
 * through /api/test-hooks/clock, which exists only when TEST_HOOKS is on (never in aws mode). The offset lives on
 * globalThis because Next bundles instrumentation (the job scheduler) and route handlers separately.
 */
const g = globalThis as unknown as { __tollgateClockOffsetMs?: number };

export function now(): Date {
  return new Date(Date.now() + (g.__tollgateClockOffsetMs ?? 0));
}

/** Test hook only: moves Tollgate's clock forward by `ms` (refused unless TEST_HOOKS is on). */
export function advanceClock(ms: number): number {
  if (!env.TEST_HOOKS) throw new Error("The clock can only be moved when TEST_HOOKS is on.");
  g.__tollgateClockOffsetMs = (g.__tollgateClockOffsetMs ?? 0) + ms;
  return g.__tollgateClockOffsetMs;
}

export const dayOf = (d: Date) => utcDay(d);
