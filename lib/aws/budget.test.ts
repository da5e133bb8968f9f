// The control-plane token bucket on a fake clock: rate, burst, strict priority, Retry-After pauses, and the
// interactive wait limit.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CallBudget, type BudgetOptions } from "./budget";
import { mapAwsError } from "./errors";
import type { AwsPriority } from "./priority";

const opts = (o: Partial<BudgetOptions> = {}): BudgetOptions => ({
  label: "API Gateway",
  rate: 2,
  burst: 2,
  interactiveMaxWaitMs: 15_000,
  interactiveMaxPauseMs: 5_000,
  maxGlobalPauseMs: 2_000,
  ...o,
});

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-12-01T00:00:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

/** Starts `n` acquisitions and records when (fake ms since start) and in which order each was granted. */
function start(b: CallBudget, items: { op?: string; p: AwsPriority; tag: string }[]) {
  const t0 = Date.now();
  const granted: { tag: string; at: number }[] = [];
  const errors: { tag: string; error: unknown }[] = [];
  const all = items.map((it) =>
    b.acquire(it.op ?? "GetStages", it.p).then(
      () => void granted.push({ tag: it.tag, at: Date.now() - t0 }),
      (error: unknown) => void errors.push({ tag: it.tag, error }),
    ),
  );
  return { granted, errors, all };
}

describe("CallBudget", () => {
  it("lets the burst out at once, then one call per 1/rate seconds", async () => {
    const b = new CallBudget(opts());
    const r = start(
      b,
      Array.from({ length: 6 }, (_, i) => ({ p: "inventory" as const, tag: `c${i}` })),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(r.granted.map((g) => g.at)).toEqual([0, 0]);
    await vi.advanceTimersByTimeAsync(2_000);
    await Promise.all(r.all);
    expect(r.granted.map((g) => g.at)).toEqual([0, 0, 500, 1000, 1500, 2000]);
    expect(b.stats().operations.GetStages).toMatchObject({ calls: 6, waited: 4, throttled: 0 });
  });

  it("never lets more than burst + rate·t calls out in any window, however many callers", async () => {
    const b = new CallBudget(opts({ rate: 2, burst: 2 }));
    const r = start(
      b,
      Array.from({ length: 41 }, (_, i) => ({ p: "interactive" as const, tag: `c${i}` })),
    );
    await vi.advanceTimersByTimeAsync(10_000);
    expect(r.granted).toHaveLength(22); // 2 at once + 2/s for 10 s
    expect(r.errors).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all(r.all);
    // Callers still queued after 15 s are refused (not hung), with AWS's throttling words.
    expect(r.granted.length + r.errors.length).toBe(41);
    expect(r.errors.length).toBeGreaterThan(0);
    const mapped = mapAwsError(r.errors[0]!.error, "API Gateway");
    expect(mapped).toMatchObject({ code: "throttled" });
    expect(mapped.message).toBe("API Gateway is limiting how fast this can change; try again shortly.");
  });

  it("serves interactive before canary before inventory, FIFO within a priority", async () => {
    const b = new CallBudget(opts({ burst: 1 }));
    await b.acquire("GetRestApis", "interactive"); // empties the bucket
    const r = start(b, [
      { p: "inventory", tag: "inv1" },
      { p: "canary", tag: "can1" },
      { p: "inventory", tag: "inv2" },
      { p: "interactive", tag: "ui1" },
      { p: "canary", tag: "can2" },
      { p: "interactive", tag: "ui2" },
    ]);
    await vi.advanceTimersByTimeAsync(3_000);
    await Promise.all(r.all);
    expect(r.granted.map((g) => g.tag)).toEqual(["ui1", "ui2", "can1", "can2", "inv1", "inv2"]);
  });

  it("a newcomer does not jump a queue of higher or equal priority even when a token is free", async () => {
    const b = new CallBudget(opts({ burst: 1 }));
    await b.acquire("GetRestApis", "interactive");
    const r = start(b, [{ p: "interactive", tag: "first" }]);
    await vi.advanceTimersByTimeAsync(499);
    const late = start(b, [{ p: "inventory", tag: "late" }]);
    await vi.advanceTimersByTimeAsync(1_100);
    await Promise.all([...r.all, ...late.all]);
    expect(r.granted[0]!.at).toBe(500);
    expect(late.granted[0]!.at).toBe(1000 - 499);
  });

  it("an interactive caller waits out a short pause", async () => {
    const b = new CallBudget(opts());
    b.throttled("CreateDeployment", 5);
    const r = start(b, [{ p: "interactive", op: "CreateDeployment", tag: "deploy" }]);
    await vi.advanceTimersByTimeAsync(5_600);
    await Promise.all(r.all);
    expect(r.granted[0]!.at).toBeGreaterThanOrEqual(5_000);
    expect(r.errors).toEqual([]);
  });

  it("pauses everything after a 429 (capped), and the refused operation for its whole Retry-After", async () => {
    const b = new CallBudget(opts({ rate: 10, burst: 10 }));
    b.throttled("UpdateUsagePlan", 20);
    const r = start(b, [
      { p: "canary", op: "GetStage", tag: "other" },
      { p: "canary", op: "UpdateUsagePlan", tag: "same" },
    ]);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(r.granted).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(r.granted.map((g) => g.tag)).toEqual(["other"]);
    await vi.advanceTimersByTimeAsync(17_700);
    expect(r.granted.map((g) => g.tag)).toEqual(["other"]);
    await vi.advanceTimersByTimeAsync(200);
    await Promise.all(r.all);
    expect(r.granted.map((g) => g.tag)).toEqual(["other", "same"]);
    expect(r.granted[1]!.at).toBeGreaterThanOrEqual(20_000);
    expect(b.stats().operations.UpdateUsagePlan).toMatchObject({ throttled: 1, calls: 1, waited: 1 });
  });

  it("starts from an empty bucket after a pause instead of releasing a burst into a throttled account", async () => {
    const b = new CallBudget(opts({ rate: 2, burst: 2 }));
    b.throttled("GetStages", 1);
    const r = start(b, [
      { p: "interactive", tag: "a" },
      { p: "interactive", tag: "b" },
    ]);
    await vi.advanceTimersByTimeAsync(2_000);
    await Promise.all(r.all);
    expect(r.granted.map((g) => g.at)).toEqual([1500, 2000]);
  });

  it("refuses an interactive call at once, with the wait, when a pause already outlasts its patience", async () => {
    const b = new CallBudget(opts());
    b.throttled("CreateDeployment", 30);
    const err = mapAwsError(
      await b.acquire("CreateDeployment", "interactive").catch((e: unknown) => e),
      "API Gateway",
    );
    expect(err).toMatchObject({ code: "throttled", retryAfterSeconds: 30 });
    expect(err.message).toBe("API Gateway is limiting how fast this can change: try again in 30 seconds.");
    expect(b.stats().operations.CreateDeployment).toMatchObject({ refused: 1, calls: 0, throttled: 1 });
    // Background work waits it out instead.
    const bg = start(b, [{ p: "inventory", op: "CreateDeployment", tag: "bg" }]);
    await vi.advanceTimersByTimeAsync(30_000);
    await Promise.all(bg.all);
    expect(bg.granted.map((g) => g.tag)).toEqual(["bg"]);
  });

  it("reports tokens, queue lengths and totals", async () => {
    const b = new CallBudget(opts());
    const r = start(b, [
      { p: "interactive", tag: "a" },
      { p: "interactive", tag: "b" },
      { p: "inventory", tag: "c" },
    ]);
    await vi.advanceTimersByTimeAsync(0);
    const s = b.stats();
    expect(s).toMatchObject({
      rate: 2,
      burst: 2,
      tokens: 0,
      queued: { interactive: 0, canary: 0, inventory: 1 },
    });
    expect(s.totals.calls).toBe(2);
    await vi.advanceTimersByTimeAsync(500);
    await Promise.all(r.all);
  });

  it("a reserved share is served at its rate however many higher-priority callers queue", async () => {
    const b = new CallBudget(opts({ burst: 1, reserved: { inventory: 0.25 } }));
    await b.acquire("GetRestApis", "interactive"); // empties the bucket
    // A page flood (40 callers, refused after 15 s) and a sweep of 10 sequential calls.
    const pages = start(
      b,
      Array.from({ length: 40 }, (_, i) => ({ p: "interactive" as const, tag: `ui${i}` })),
    );
    const sweep: number[] = [];
    const t0 = Date.now();
    const sync = (async () => {
      for (let i = 0; i < 10; i++) {
        await b.acquire("GetStages", "inventory");
        sweep.push(Date.now() - t0);
      }
    })();
    await vi.advanceTimersByTimeAsync(20_000);
    await sync;
    await Promise.all(pages.all);
    // 1 / (2 calls/s × 0.25) = one call every 2 s for the sweep; the pages keep the other three quarters.
    expect(sweep).toHaveLength(10);
    expect(sweep[0]).toBe(2_000);
    expect(sweep.at(-1)).toBeLessThanOrEqual(20_000);
    const pagesIn10s = pages.granted.filter((g) => g.at <= 10_000).length;
    expect(pagesIn10s).toBeGreaterThanOrEqual(14);
    expect(pagesIn10s).toBeLessThanOrEqual(16);
  });

  it("without a reserve, strict priority starves the sweep while pages queue", async () => {
    const b = new CallBudget(opts({ burst: 1 }));
    await b.acquire("GetRestApis", "interactive");
    const pages = start(
      b,
      Array.from({ length: 40 }, (_, i) => ({ p: "interactive" as const, tag: `ui${i}` })),
    );
    let swept = 0;
    const sync = b.acquire("GetStages", "inventory").then(() => swept++);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(swept).toBe(0);
    await vi.advanceTimersByTimeAsync(30_000);
    await Promise.all([sync, ...pages.all]);
  });

  it("refuses a nonsensical configuration", () => {
    expect(() => new CallBudget(opts({ rate: 0 }))).toThrow(/rate > 0/);
    expect(() => new CallBudget(opts({ burst: 0 }))).toThrow(/burst/);
    expect(() => new CallBudget(opts({ reserved: { inventory: 1 } }))).toThrow(/reserved/);
    expect(() => new CallBudget(opts({ reserved: { inventory: 0.5, canary: 0.5 } }))).toThrow(/reserved/);
  });
});
