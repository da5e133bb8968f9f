import "server-only";

/**
 * A short per-replica memo of whole-inventory reads (the API list every list page reads), keyed by scope and by a
 * write generation: every write to the inventory through lib/db/inventory.ts (the sync, Refresh, Tollgate's own
 * writes) bumps the generation, so this replica's next read after a write goes to the database — a write is seen
 * at once. Writes made by another replica are seen within MEMO_TTL_MS. The state lives on globalThis because Next
 * bundles the pages, the route handlers and the jobs (instrumentation) separately: one module instance per bundle,
 * one generation per process.
 */
export const MEMO_TTL_MS = 2_000;

type Entry = { generation: number; at: number; value: Promise<unknown> };
const state = ((
  globalThis as unknown as { __tollgateInvMemo?: { generation: number; entries: Map<string, Entry> } }
).__tollgateInvMemo ??= { generation: 0, entries: new Map() });

/** Called by every inventory write (before and after it, so a read that overlaps the write is not kept). */
export function bumpInventoryGeneration(): void {
  state.generation++;
  state.entries.clear();
}

/** `read()`'s result for `key`, shared while no write happened on this replica and it is younger than the TTL. */
export function memoInventoryRead<T>(key: string, read: () => Promise<T>, now = Date.now()): Promise<T> {
  const hit = state.entries.get(key);
  if (hit && hit.generation === state.generation && now - hit.at < MEMO_TTL_MS)
    return hit.value as Promise<T>;
  const generation = state.generation;
  const value = read();
  // A read that started before a write must not serve after it: it is kept only under the generation it began in.
  const entry: Entry = { generation, at: now, value };
  state.entries.set(key, entry);
  value.catch(() => {
    if (state.entries.get(key) === entry) state.entries.delete(key);
  });
  return value;
}
