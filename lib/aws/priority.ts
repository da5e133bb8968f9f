import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Who an AWS call is for, so a shared control-plane budget can serve interactive work first, then the canary
 * engine, then the inventory sync. This file is the agreed interface only (issue 14): the budget itself (one token
 * bucket in lib/aws, AWS_CONTROL_PLANE_RPS) reads `currentPriority()`; until it lands the priority is only carried.
 */
export type AwsPriority = "interactive" | "canary" | "inventory";

const store = new AsyncLocalStorage<AwsPriority>();

/** Runs `fn` with its AWS calls (including those in work it awaits) at `priority`. */
export function withPriority<T>(priority: AwsPriority, fn: () => Promise<T>): Promise<T> {
  return store.run(priority, fn);
}

/** The priority of the calling code; calls outside any scope are interactive (a person is waiting). */
export function currentPriority(): AwsPriority {
  return store.getStore() ?? "interactive";
}
