// Prisma CLI configuration (migrate, generate). The runtime client is built in lib/db/client.ts.
// Prisma 6.19 with driver adapters needs the workarounds below on these machines; each is explained in
// ../shared/reference/stack-notes.md §3 and affects only the CLI process.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { parseIntoClientConfig } from "pg-connection-string";
import type { PoolConfig } from "pg";
import { defineConfig } from "prisma/config";

// The CLI would download native engines; engine "js" + engineType "client" never use them.
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= "/bin/false";
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";
// The wasm schema engine leaves 10 s / 60 s timers armed, which keeps the CLI alive after it is done.
{
  const orig = globalThis.setTimeout;
  globalThis.setTimeout = ((fn: () => void, ms?: number, ...args: unknown[]) => {
    const t = orig(fn, ms, ...args);
    if ((ms ?? 0) >= 5000) (t as unknown as { unref?: () => void }).unref?.();
    return t;
  }) as typeof setTimeout;
}

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Query = Parameters<Adapter["executeRaw"]>[0];

/** Shadow-DB replay sends whole migration files through executeRaw; better-sqlite3 runs one statement per prepare. */
class SqliteForMigrate extends PrismaBetterSQLite3 {
  override async connectToShadowDb() {
    const adapter = await super.connectToShadowDb();
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (q: Query) =>
      q.args.length === 0 ? (await adapter.executeScript(q.sql), 0) : executeRaw(q);
    return adapter;
  }
}

// adapter-pg cannot decode pg_catalog's name/"char"/oid-ish columns that the schema engine reads: read them as text.
const TEXT_OIDS = new Set([18, 19, 22, 24, 28, 30, 194, 2205]);
function patchCatalogTypes<T extends object>(adapter: T): T {
  const a = adapter as unknown as { performIO: (q: Query) => Promise<{ fields?: { dataTypeID: number }[] }> };
  const performIO = a.performIO.bind(a);
  a.performIO = async (q) => {
    const res = await performIO(q);
    for (const r of Array.isArray(res) ? res : [res]) {
      for (const f of r.fields ?? []) {
        if (TEXT_OIDS.has(f.dataTypeID)) f.dataTypeID = 25;
        else if (f.dataTypeID === 1003) f.dataTypeID = 1009;
      }
    }
    return res;
  };
  return adapter;
}

class PgForMigrate extends PrismaPg {
  constructor(private readonly poolConfig: PoolConfig) {
    super(poolConfig);
  }
  override async connect() {
    return patchCatalogTypes(await super.connect());
  }
  // The built-in shadow DB drops the database before closing its pool (and leaks it); do it in the right order.
  override async connectToShadowDb() {
    const main = await this.connect();
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID().replaceAll("-", "")}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg({ ...this.poolConfig, database, allowExitOnIdle: true }).connect();
    patchCatalogTypes(shadow);
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await main.dispose();
    };
    return shadow;
  }
}

const url = process.env.DATABASE_URL ?? "file:./.data/tollgate.db";
const isPg = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  schema: isPg ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: isPg ? "prisma/postgresql/migrations" : "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () =>
    isPg
      ? new PgForMigrate({ ...(parseIntoClientConfig(url) as PoolConfig), allowExitOnIdle: true })
      : new SqliteForMigrate({ url }),
});
