// Creates a new migration for BOTH providers from prisma/schema.prisma:
//   npm run db:migration -- <name>
// `prisma migrate dev --create-only` crashes with driver adapters in 6.19 ("null pointer passed to rust"),
// so we diff the existing migration history against the schema and write the folder ourselves.
// SQLite needs nothing; PostgreSQL needs a server where we may CREATE DATABASE (MIGRATION_PG_URL,
// default postgresql://postgres@127.0.0.1:5432/postgres) for the shadow database.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(1);
}
execFileSync("node", ["scripts/db-generate.mjs", "--schema-only"], { stdio: "inherit" });

const targets = [
  { provider: "sqlite", dir: "prisma/migrations", schema: "prisma/schema.prisma", url: "file::memory:" },
  {
    provider: "postgresql",
    dir: "prisma/postgresql/migrations",
    schema: "prisma/postgresql/schema.prisma",
    url: process.env.MIGRATION_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  },
];
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);

for (const t of targets) {
  const hasHistory = existsSync(t.dir) && readdirSync(t.dir).some((d) => /^\d{14}_/.test(d));
  const from = hasHistory ? ["--from-migrations", t.dir] : ["--from-empty"];
  const sql = execFileSync(
    "node_modules/.bin/prisma",
    ["migrate", "diff", ...from, "--to-schema-datamodel", t.schema, "--script"],
    { env: { ...process.env, DATABASE_URL: t.url }, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  if (sql.includes("This is an empty migration")) {
    console.log(`${t.provider}: schema unchanged, no migration written`);
    continue;
  }
  const folder = path.join(t.dir, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), sql);
  const lock = path.join(t.dir, "migration_lock.toml");
  if (!existsSync(lock)) writeFileSync(lock, `provider = "${t.provider}"\n`);
  console.log(`${t.provider}: wrote ${folder}/migration.sql`);
}
