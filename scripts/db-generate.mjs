// Generates both Prisma clients. prisma/schema.prisma (SQLite) is the one hand-edited schema;
// prisma/postgresql/schema.prisma is derived from it here so the two can never drift apart.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const src = readFileSync("prisma/schema.prisma", "utf8");
const pg = src
  .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
  .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost/unused"')
  .replace(
    /output\s*=\s*"\.\.\/lib\/db\/generated\/sqlite"/,
    'output   = "../../lib/db/generated/postgresql"',
  );
if (pg === src) throw new Error("gen-pg-schema: nothing replaced; the schema header changed");
const generated = "// GENERATED from prisma/schema.prisma by scripts/db-generate.mjs — do not edit.\n" + pg;
if (process.argv.includes("--check")) {
  // Used by `npm test`: the committed PostgreSQL schema must be the one derived from the SQLite schema.
  const current = existsSync("prisma/postgresql/schema.prisma")
    ? readFileSync("prisma/postgresql/schema.prisma", "utf8")
    : "";
  if (current !== generated) {
    console.error("prisma/postgresql/schema.prisma is out of date: run `npm run db:generate` and commit it.");
    process.exit(1);
  }
  process.exit(0);
}
mkdirSync("prisma/postgresql", { recursive: true });
writeFileSync("prisma/postgresql/schema.prisma", generated);

if (process.argv.includes("--schema-only")) process.exit(0);
const prisma = "node_modules/.bin/prisma";
for (const schema of ["prisma/schema.prisma", "prisma/postgresql/schema.prisma"]) {
  execFileSync(prisma, ["generate", "--schema", schema], { stdio: ["ignore", "ignore", "inherit"] });
}
console.log("prisma clients generated (sqlite, postgresql)");
