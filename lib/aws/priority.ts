import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Who an AWS call is for, so the control-plane budget (lib/aws/budget.ts) serves people before machines:
 * "interactive" (a page or an action an operator is waiting on) before "canary" (the rollout engine, which must
 * not fall behind its gates) before "inventory" (background syncs, which can always catch up later).
 * Unset means "interactive": every call made while rendering a page or running an action.
 */
export type AwsPriority = "interactive" | "canary" | "inventory";
export const PRIORITIES: readonly AwsPriority[] = ["interactive", "canary", "inventory"];

// On globalThis: Next bundles the job scheduler (instrumentation) and the route handlers separately, and both
// bundles must read the one store the SDK middleware consults.
const g = globalThis as unknown as { __tollgateAwsPriority?: AsyncLocalStorage<AwsPriority> };
const store = (g.__tollgateAwsPriority ??= new AsyncLocalStorage<AwsPriority>());

/** Runs `fn` (and everything it awaits) with AWS calls at priority `p`. For jobs and the canary engine. */
export function withPriority<T>(p: AwsPriority, fn: () => T): T {
  return store.run(p, fn);
}

/** The priority of the current call; "interactive" outside any withPriority. */
export function currentPriority(): AwsPriority {
  return store.getStore() ?? "interactive";
}
