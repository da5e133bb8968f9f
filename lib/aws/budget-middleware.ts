import "server-only";
import type { CallBudget } from "./budget";
import { currentPriority } from "./priority";

type Stackable = {
  middlewareStack: {
    addRelativeTo: (
      mw: never,
      opts: { relation: "before"; toMiddleware: string; name: string; override?: boolean },
    ) => void;
  };
};
type ErrorLike = {
  name?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
};

/** Seconds from a Retry-After header (seconds or an HTTP date); 1 when AWS did not say. */
export function retryAfterSeconds(e: ErrorLike, nowMs = Date.now()): number {
  const raw = e.$response?.headers?.["retry-after"] ?? e.$response?.headers?.["Retry-After"];
  if (!raw) return 1;
  const n = Number(raw);
  if (Number.isFinite(n) && n > 0) return n;
  const at = Date.parse(raw);
  return Number.isFinite(at) && at > nowMs ? (at - nowMs) / 1000 : 1;
}

export const isThrottle = (e: ErrorLike) =>
  e.$metadata?.httpStatusCode === 429 ||
  ["TooManyRequestsException", "ThrottlingException", "Throttling"].includes(e.name ?? "");

/**
 * Puts `budget` in front of every attempt the client sends: inside the SDK's retry loop (so each retry takes a
 * token too) and before signing (so a long wait never sends a stale signature). A 429 is counted and pauses the
 * budget for its Retry-After. Called once per client, by lib/aws/clients.ts only.
 */
export function withBudget<C extends Stackable>(client: C, budget: CallBudget): C {
  const mw =
    (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) =>
    async (args: unknown) => {
      const op = (context.commandName ?? "Unknown").replace(/Command$/, "");
      const priority = currentPriority();
      await budget.acquire(op, priority);
      try {
        return await next(args);
      } catch (e) {
        const err = (e ?? {}) as ErrorLike;
        if (!isThrottle(err)) throw e;
        const wait = retryAfterSeconds(err);
        budget.throttled(op, wait);
        // A person is waiting: a long Retry-After is refused now, with the wait, and not retried by the SDK (an
        // AppError is not retryable); a short one is waited out by the SDK's retry queueing in the budget.
        if (priority === "interactive" && wait * 1000 > budget.options.interactiveMaxPauseMs)
          throw budget.refuse(op, Math.ceil(wait));
        throw e;
      }
    };
  client.middlewareStack.addRelativeTo(mw as never, {
    relation: "before",
    toMiddleware: "httpSigningMiddleware",
    name: "tollgateCallBudget",
    override: true,
  });
  return client;
}
