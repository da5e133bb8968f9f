import "server-only";
import type { Tx } from "./client";

/**
 * Serialises check-then-act on one tenant: a no-op UPDATE of the tenant's row takes PostgreSQL's row lock (held
 * until the transaction ends, so a second transaction on the same tenant waits) and SQLite's database write lock.
 * Call it first inside `db.$transaction(async (tx) => …)`, then count and insert. Returns false for no tenant.
 */
export async function lockTenant(tx: Tx, tenantId: string): Promise<boolean> {
  const n = await tx.$executeRaw`UPDATE "tenant" SET "id" = "id" WHERE "id" = ${tenantId}`;
  return n === 1;
}
