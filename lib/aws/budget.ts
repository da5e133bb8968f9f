import "server-only";
import { BUDGET_REFUSAL } from "./errors";
import { PRIORITIES, type AwsPriority } from "./priority";

/**
 * Tollgate's own share of an AWS API's request budget: one token bucket per service, which every attempt (SDK
 * retries included) passes through (lib/aws/budget-middleware.ts). API Gateway allows an account about 10
 * control-plane requests a second, shared with the company's deploy pipelines, Terraform and the CLI; this bucket
 * keeps the console at its configured share however many operators are signed in.
 *
 * - Waiting callers are served by priority (interactive > canary > inventory), first come first served within one
 *   priority: a background sync waits while any page is waiting — except that a priority with a reserved share
 *   (`reserved`, e.g. inventory 0.25) that has waited longer than 1 / (rate × share) since its last call is served
 *   next. So a flood of page views cannot starve the inventory's sync (which is what ends the flood's live reads):
 *   it still gets at least rate × share calls a second, and pages keep the rest.
 * - An AWS 429 pauses the operation that was refused for the whole Retry-After, and the whole bucket for at most
 *   `maxGlobalPauseMs`: AWS does not say which limit refused, and a long Retry-After is almost always a
 *   per-operation limit (CreateDeployment 1 per 5 s, UpdateUsagePlan 1 per 20 s) that must not freeze every page.
 * - An interactive caller never waits longer than `interactiveMaxWaitMs` in the queue, and never waits out a pause
 *   longer than `interactiveMaxPauseMs`: it is refused at once with AWS's throttling message and the wait instead
 *   of hanging the page (the operator can retry; a background caller waits).
 *
 * Per process: with several replicas each has its own bucket, so set the rate to the share divided by replicas.
 */
export type BudgetOptions = {
  /** The service in messages: "API Gateway", "CloudWatch". */
  label: string;
  /** Tokens per second. */
  rate: number;
  /** Bucket size: the most calls that can go out at once after an idle spell. */
  burst: number;
  interactiveMaxWaitMs: number;
  interactiveMaxPauseMs: number;
  maxGlobalPauseMs: number;
  /**
   * Shares of `rate` (0–1) a lower priority is guaranteed while it has callers waiting, however busy the higher
   * ones are. None by default: strict priority.
   */
  reserved?: Partial<Record<AwsPriority, number>>;
};

export type OperationStats = {
  /** Attempts that took a token (each SDK retry is one more). */
  calls: number;
  /** Attempts that had to wait for a token or a pause. */
  waited: number;
  waitMs: number;
  /** 429 answers from AWS. */
  throttled: number;
  /** Interactive attempts refused because the wait would have been too long. */
  refused: number;
};

export type BudgetStats = {
  label: string;
  rate: number;
  burst: number;
  tokens: number;
  queued: Record<AwsPriority, number>;
  pausedForMs: number;
  totals: OperationStats;
  operations: Record<string, OperationStats>;
};

type Waiter = {
  op: string;
  priority: AwsPriority;
  since: number;
  resolve: () => void;
  reject: (e: unknown) => void;
  deadline?: ReturnType<typeof setTimeout>;
};

const emptyStats = (): OperationStats => ({ calls: 0, waited: 0, waitMs: 0, throttled: 0, refused: 0 });

export class CallBudget {
  private tokens: number;
  private last: number;
  private pausedUntil = 0;
  private readonly opPausedUntil = new Map<string, number>();
  private readonly queues: Record<AwsPriority, Waiter[]> = { interactive: [], canary: [], inventory: [] };
  private readonly ops = new Map<string, OperationStats>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When each priority last got a token (reserved shares are owed from these). */
  private readonly lastGrant: Record<AwsPriority, number> = { interactive: 0, canary: 0, inventory: 0 };

  constructor(readonly options: BudgetOptions) {
    if (!(options.rate > 0) || !(options.burst >= 1))
      throw new Error("a budget needs rate > 0 and burst ≥ 1");
    const shares = Object.values(options.reserved ?? {});
    if (shares.some((x) => !(x > 0 && x < 1)) || shares.reduce((a, b) => a + b, 0) >= 1)
      throw new Error("reserved shares must each be between 0 and 1 and add up to less than 1");
    this.tokens = options.burst;
    this.last = Date.now();
  }

  /** Resolves when `op` may be sent now (a token was taken); rejects an interactive caller that would wait too long. */
  acquire(op: string, priority: AwsPriority): Promise<void> {
    const now = Date.now();
    this.refill(now);
    const stats = this.statsOf(op);
    const blockedMs = Math.max(this.pausedUntil, this.opPausedUntil.get(op) ?? 0) - now;
    if (priority === "interactive" && blockedMs > this.options.interactiveMaxPauseMs)
      return Promise.reject(this.refuse(op, Math.ceil(blockedMs / 1000)));
    if (blockedMs <= 0 && this.tokens >= 1 && !this.anyoneAhead(priority)) {
      this.tokens -= 1;
      this.lastGrant[priority] = now;
      stats.calls++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const w: Waiter = { op, priority, since: now, resolve, reject };
      if (priority === "interactive") {
        w.deadline = setTimeout(() => {
          const q = this.queues[priority];
          const i = q.indexOf(w);
          if (i < 0) return;
          q.splice(i, 1);
          reject(this.refuse(op, undefined));
          this.schedule();
        }, this.options.interactiveMaxWaitMs);
      }
      this.queues[priority].push(w);
      this.schedule();
    });
  }

  /** AWS answered `op` with 429 and asked for `retryAfterSeconds` (1 when it did not say). */
  throttled(op: string, retryAfterSeconds: number): void {
    const now = Date.now();
    const waitMs = Math.max(1, retryAfterSeconds) * 1000;
    this.statsOf(op).throttled++;
    this.opPausedUntil.set(op, Math.max(this.opPausedUntil.get(op) ?? 0, now + waitMs));
    const globalUntil = now + Math.min(waitMs, this.options.maxGlobalPauseMs);
    if (globalUntil > this.pausedUntil) {
      this.pausedUntil = globalUntil;
      // AWS says the account is out of tokens: start again from an empty bucket once the pause is over.
      this.tokens = 0;
      this.last = globalUntil;
    }
    this.schedule();
  }

  stats(): BudgetStats {
    const now = Date.now();
    this.refill(now);
    const totals = emptyStats();
    for (const s of this.ops.values())
      for (const k of Object.keys(totals) as (keyof OperationStats)[]) totals[k] += s[k];
    return {
      label: this.options.label,
      rate: this.options.rate,
      burst: this.options.burst,
      tokens: Math.floor(this.tokens * 100) / 100,
      queued: Object.fromEntries(PRIORITIES.map((p) => [p, this.queues[p].length])) as Record<
        AwsPriority,
        number
      >,
      pausedForMs: Math.max(0, this.pausedUntil - now),
      totals,
      operations: Object.fromEntries([...this.ops].map(([k, v]) => [k, { ...v }])),
    };
  }

  private statsOf(op: string): OperationStats {
    let s = this.ops.get(op);
    if (!s) this.ops.set(op, (s = emptyStats()));
    return s;
  }

  private refill(now: number): void {
    if (now > this.last) {
      this.tokens = Math.min(
        this.options.burst,
        this.tokens + ((now - this.last) / 1000) * this.options.rate,
      );
      this.last = now;
    }
  }

  private anyoneAhead(priority: AwsPriority): boolean {
    for (const p of PRIORITIES) {
      if (this.queues[p].length > 0) return true;
      if (p === priority) return false;
    }
    return false;
  }

  /** The longest a priority with a reserved share goes without a call while it waits; undefined: no share. */
  private reservedGapMs(p: AwsPriority): number | undefined {
    const share = this.options.reserved?.[p];
    return share ? 1000 / (this.options.rate * share) : undefined;
  }

  private owed(p: AwsPriority, now: number): boolean {
    const gap = this.reservedGapMs(p);
    const head = this.queues[p][0];
    return (
      gap !== undefined && head !== undefined && now - this.lastGrant[p] >= gap && now - head.since >= gap
    );
  }

  private grant(p: AwsPriority, i: number, now: number): void {
    const [w] = this.queues[p].splice(i, 1);
    if (!w) return;
    this.tokens -= 1;
    this.lastGrant[p] = now;
    if (w.deadline) clearTimeout(w.deadline);
    const s = this.statsOf(w.op);
    s.calls++;
    s.waited++;
    s.waitMs += now - w.since;
    w.resolve();
  }

  private opReady(op: string, now: number): boolean {
    return (this.opPausedUntil.get(op) ?? 0) <= now;
  }

  /** Grants what can be granted now, by priority, and sets a timer for the next grant. */
  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const now = Date.now();
    this.refill(now);
    if (now >= this.pausedUntil) {
      // A reserved share that is owed goes first: one call, then the priorities as usual.
      for (const p of PRIORITIES) {
        if (this.tokens < 1 || !this.owed(p, now)) continue;
        const i = this.queues[p].findIndex((w) => this.opReady(w.op, now));
        if (i >= 0) this.grant(p, i, now);
      }
      for (const p of PRIORITIES) {
        const q = this.queues[p];
        for (let i = 0; i < q.length && this.tokens >= 1;) {
          if (!this.opReady(q[i]!.op, now)) {
            i++;
            continue;
          }
          this.grant(p, i, now);
        }
        // Strict priority: while an eligible caller of this priority still waits, lower ones wait too.
        if (q.some((w) => this.opReady(w.op, now))) break;
      }
    }
    let next = Number.POSITIVE_INFINITY;
    const ready = Math.max(
      this.pausedUntil,
      now + (this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.options.rate) * 1000),
    );
    for (const p of PRIORITIES)
      for (const w of this.queues[p])
        next = Math.min(next, Math.max(ready, this.opPausedUntil.get(w.op) ?? 0));
    // Wake up when a waiting reserved share falls due, so it is served at its rate.
    for (const p of PRIORITIES) {
      const gap = this.reservedGapMs(p);
      if (gap !== undefined && this.queues[p].length > 0)
        next = Math.min(next, Math.max(ready, this.lastGrant[p] + gap));
    }
    if (Number.isFinite(next))
      this.timer = setTimeout(() => this.schedule(), Math.max(1, Math.ceil(next - now)));
  }

  /**
   * Counts a refusal of `op` and returns the error to throw. Not an AppError: Next bundles the job scheduler and
   * the routes separately, so the clients (and this budget) may come from another bundle whose AppError class is
   * not the caller's; the caller's `aws()` maps this name to its own "throttled" AppError, with AWS's words. The
   * name is not one the SDK retries.
   */
  refuse(op: string, waitSeconds: number | undefined): Error {
    this.statsOf(op).refused++;
    const what = `${this.options.label} is limiting how fast this can change`;
    return Object.assign(new Error(waitSeconds ? `${what}: wait ${waitSeconds} s` : what), {
      name: BUDGET_REFUSAL,
      retryAfterSeconds: waitSeconds,
    });
  }
}
