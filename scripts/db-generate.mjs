// Generates both Prisma clients. prisma/schema.prisma (SQLite) is the one hand-edited schema;
// prisma/postgresql/schema.prisma is derived from it here so the two can never drift apart.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";

const src = readFileSync("prisma/schema.prisma", "utf8");
const pg = src
  .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
  .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost/unused"')
  .replace(
    /output\s*=\s*"\.\.\/lib\/db\/generated\/sqlite"/,
    'output   = "../../lib/db/generated/postgresql"',
  );
if (pg === src) throw new Error("gen-pg-schema: nothing replaced; the schema header changed");
mkdirSync("prisma/postgresql", { recursive: true });
writeFileSync(
  "prisma/postgresql/schema.prisma",
  "// GENERATED from prisma/schema.prisma by scripts/db-generate.mjs — do not edit.\n" + pg,
);

if (process.argv.includes("--schema-only")) process.exit(0);
const prisma = "node_modules/.bin/prisma";
for (const schema of ["prisma/schema.prisma", "prisma/postgresql/schema.prisma"]) {
  execFileSync(prisma, ["generate", "--schema", schema], { stdio: ["ignore", "ignore", "inherit"] });
}
console.log("prisma clients generated (sqlite, postgresql)");
