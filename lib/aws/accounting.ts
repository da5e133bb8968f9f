import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * AWS call accounting. Every SDK call made through lib/aws clients is counted per operation in the innermost
 * `countAwsCalls` scope, so tests and benchmarks can state "this page render made N AWS calls".
 */
export type CallCounts = Map<string, number>;
const scope = new AsyncLocalStorage<CallCounts>();

export function recordAwsCall(service: string, operation: string): void {
  const key = `${service}.${operation}`;
  const local = scope.getStore();
  if (local) local.set(key, (local.get(key) ?? 0) + 1);
}

/** Runs `fn` and returns its result with the AWS calls it made (including calls in work it awaited). */
export async function countAwsCalls<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; calls: CallCounts; total: number }> {
  const calls: CallCounts = new Map();
  const result = await scope.run(calls, fn);
  return { result, calls, total: [...calls.values()].reduce((a, b) => a + b, 0) };
}
