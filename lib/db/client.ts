import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient as PgClient } from "./generated/postgresql/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";

export { Prisma } from "./generated/sqlite/client";

/**
 * The app-wide client type is the SQLite client's; the PostgreSQL client is generated from the same schema
 * (scripts/db-generate.mjs), so the two have identical model APIs and the cast below is sound.
 */
export type Db = InstanceType<typeof SqliteClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Creates a client for `url` (file: → SQLite, postgres:// → PostgreSQL). Tests use it for fresh databases. */
export function createDb(url: string): Db {
  if (url.startsWith("file:")) {
    return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }) });
  }
  return new PgClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) }) as unknown as Db;
}

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { __tollgateDb?: Db };
export const db: Db = (globalForDb.__tollgateDb ??= createDb(env.DATABASE_URL));
